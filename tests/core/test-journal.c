/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vg-error.h"
#include "vg-test-journal.h"
#include "vg-test-util.h"

/* The journal's API, its derived state, threads and failing storage. Tampering is in
 * test-journal-tamper.c, crashes in test-journal-crash.c. */

static void
test_create (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  VgJournal *journal;
  VgJournalEntry *header;
  gboolean exercise = FALSE;
  GStatBuf st;

  journal = vg_test_journal_create (path, clock, TRUE);
  g_assert_true (vg_journal_is_exercise (journal));
  g_assert_false (vg_journal_is_read_only (journal));
  g_assert_cmpstr (vg_journal_get_situation (journal), ==, "Crue du Lez");
  g_assert_cmpstr (vg_journal_get_path (journal), ==, path);
  g_assert_cmpuint (vg_journal_get_first_bad_seq (journal), ==, 0);
  g_object_get (journal, "exercise", &exercise, NULL);
  g_assert_true (exercise);

  /* Only the owner may read the record of a crisis, and its WAL likewise. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"lez\",\"value\":1.5}");
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  entries = vg_test_journal_collect (journal, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  header = g_ptr_array_index (entries, 0);
  g_assert_cmpuint (vg_journal_entry_get_seq (header), ==, 1);
  g_assert_cmpint (vg_journal_entry_get_kind (header), ==, VG_JOURNAL_KIND_HEADER);
  g_assert_cmpint (vg_journal_entry_get_time (header), ==, G_GINT64_CONSTANT (1411970400) * G_USEC_PER_SEC);
  g_assert_cmpstr (vg_journal_entry_get_payload_text (header), ==,
                   "{\"exercise\":true,\"format\":1,\"situation\":\"Crue du Lez\",\"vigie_version\":\"" PACKAGE_VERSION "\"}");
  g_assert_finalize_object (journal);

  /* Closed cleanly: the WAL is folded back, and no temporary file is left beside the journal. */
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "lez.vigie-journal");
  g_assert_null (g_dir_read_name (listing));

  /* The flag survives reopening: it comes from the header. */
  journal = vg_test_journal_open (path, clock);
  g_assert_true (vg_journal_is_exercise (journal));
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (journal)), ==, 2);
  g_assert_finalize_object (journal);

  /* A live journal says so too. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "live.vigie-journal", NULL);
  journal = vg_test_journal_create (path, clock, FALSE);
  g_assert_false (vg_journal_is_exercise (journal));
  g_assert_finalize_object (journal);
  journal = vg_test_journal_open (path, clock);
  g_assert_false (vg_journal_is_exercise (journal));
  g_assert_finalize_object (journal);

  vg_test_rmtree (dir);
}

static void
test_create_refuses_existing (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  VgJournal *journal;

  journal = vg_test_journal_create (path, clock, FALSE);
  g_assert_finalize_object (journal);
  g_assert_null (vg_journal_create (path, clock, "Other", TRUE, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  g_assert_null (vg_journal_create (path, clock, "", TRUE, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);

  /* The first journal is untouched. */
  journal = vg_test_journal_open (path, clock);
  g_assert_cmpstr (vg_journal_get_situation (journal), ==, "Crue du Lez");
  g_assert_false (vg_journal_is_exercise (journal));
  g_assert_finalize_object (journal);
  vg_test_rmtree (dir);
}

static void
test_hash_encoding (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GPtrArray) entries = NULL;
  guint8 prev[32] = { 0 };
  VgJournal *journal;
  sqlite3 *db;
  sqlite3_stmt *stmt;
  guint rows = 0;

  journal = vg_test_journal_create (path, clock, FALSE);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OPERATOR_NOTE, "Marie", "{\"text\":\"Évacuation rue \\\"Lez\\\"\"}");
  vg_test_clock_advance (clock, 60);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_DECISION, "Marie", "{\"proposal\":\"p-1\",\"verdict\":\"accepted\"}");
  entries = vg_test_journal_collect (journal, NULL);
  g_assert_finalize_object (journal);

  db = vg_test_sqlite_open (path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT seq, time, kind, source, author, payload, prev_hash, hash "
                                       "FROM entries ORDER BY seq", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint8 expected[32];
      g_autofree char *hex = vg_journal_entry_dup_hash (g_ptr_array_index (entries, rows));
      g_autoptr(GString) expected_hex = g_string_new (NULL);

      g_assert_cmpmem (sqlite3_column_blob (stmt, 6), 32, prev, 32);
      vg_test_journal_documented_hash (stmt, expected);
      g_assert_cmpmem (sqlite3_column_blob (stmt, 7), 32, expected, 32);
      for (guint i = 0; i < 32; i++)
        g_string_append_printf (expected_hex, "%02x", expected[i]);
      g_assert_cmpstr (hex, ==, expected_hex->str);
      memcpy (prev, expected, 32);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 3);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  vg_test_rmtree (dir);
}

static void
test_canonical_payload (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *text = NULL;
  VgJournalEntry *entry;
  VgJournal *journal;
  gboolean flag = TRUE;
  double value = 0;
  gint64 number = 0;

  journal = vg_test_journal_create (path, clock, FALSE);
  /* Members sorted at every level, no whitespace, minimal escapes, shortest doubles that
   * round-trip, integral doubles kept as doubles. */
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau",
                          "{ \"value\": 0.1, \"sensor\": \"Y321\\u00e9\", \"n\": 12,"
                          "  \"nested\": { \"z\": [1.0, 1e300, -2.5, true, null], \"a\": \"q\\\"b\\\\n\\n\\t\\u0001/\" },"
                          "  \"ok\": false }");
  entries = vg_test_journal_collect (journal, NULL);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (vg_journal_entry_get_payload_text (entry), ==,
                   "{\"n\":12,\"nested\":{\"a\":\"q\\\"b\\\\n\\n\\t\\u0001/\",\"z\":[1.0,1e+300,-2.5,true,null]},"
                   "\"ok\":false,\"sensor\":\"Y321é\",\"value\":0.1}");

  /* The fast member readers agree with the parser. */
  g_assert_true (vg_journal_entry_get_double (entry, "value", &value));
  g_assert_cmpfloat (value, ==, 0.1);
  g_assert_true (vg_journal_entry_get_int (entry, "n", &number));
  g_assert_cmpint (number, ==, 12);
  g_assert_true (vg_journal_entry_get_boolean (entry, "ok", &flag));
  g_assert_false (flag);
  text = vg_journal_entry_dup_string (entry, "sensor");
  g_assert_cmpstr (text, ==, "Y321é");
  g_assert_null (vg_journal_entry_dup_string (entry, "value"));
  g_assert_null (vg_journal_entry_dup_string (entry, "a"));       /* nested, not top level */
  g_assert_false (vg_journal_entry_get_int (entry, "value", &number));
  g_assert_false (vg_journal_entry_get_double (entry, "missing", &value));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (vg_journal_entry_get_payload (entry)));

  /* A string with escapes goes through the parser and comes back unescaped. */
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OPERATOR_NOTE, "Marie", "{\"text\":\"ligne 1\\nligne \\\"2\\\"\"}");
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = vg_test_journal_collect (journal, NULL);
  g_clear_pointer (&text, g_free);
  text = vg_journal_entry_dup_string (g_ptr_array_index (entries, 2), "text");
  g_assert_cmpstr (text, ==, "ligne 1\nligne \"2\"");

  g_assert_finalize_object (journal);
  vg_test_rmtree (dir);
}

static void
test_invalid_entries (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(JsonNode) array = vg_test_json ("[1, 2]");
  g_autoptr(JsonNode) object = vg_test_json ("{\"a\": 1}");
  g_autoptr(JsonNode) nan = vg_test_json ("{\"a\": 1}");
  g_autoptr(JsonNode) no_target = vg_test_json ("{\"reason\": \"typo\"}");
  g_autoptr(JsonNode) future = vg_test_json ("{\"corrects\": 99}");
  g_autoptr(GError) error = NULL;
  VgJournal *journal;

  journal = vg_test_journal_create (path, clock, FALSE);

  g_assert_false (vg_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "", object, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vg_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "", "x", object, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vg_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau", array, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  json_object_set_double_member (json_node_get_object (nan), "a", NAN);
  g_assert_false (vg_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau", nan, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (vg_journal_add_note (journal, "Marie", "  \n ", NULL, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vg_journal_add_note (journal, "", "text", NULL, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (vg_journal_append (journal, VG_JOURNAL_KIND_CORRECTION, "ui", "Marie", no_target, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vg_journal_append (journal, VG_JOURNAL_KIND_CORRECTION, "ui", "Marie", future, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  /* Nothing of the refused entries reached the file. */
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (journal)), ==, 1);
  g_assert_finalize_object (journal);
  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  vg_test_rmtree (dir);
}

static gboolean
collect_seq_cb (VgJournalEntry *entry,
                gpointer        user_data)
{
  GArray *seqs = user_data;
  guint64 seq = vg_journal_entry_get_seq (entry);

  g_array_append_val (seqs, seq);
  return TRUE;
}

/* The seqs @filter selects, as "2,5,7". */
static char *
select_seqs (VgJournal             *journal,
             const VgJournalFilter *filter)
{
  g_autoptr(GArray) seqs = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (vg_journal_foreach (journal, filter, collect_seq_cb, seqs, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < seqs->len; i++)
    g_string_append_printf (text, "%s%" G_GUINT64_FORMAT, i ? "," : "", g_array_index (seqs, guint64, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
stop_after_two_cb (VgJournalEntry *entry,
                   gpointer        user_data)
{
  return ++*(guint *) user_data < 2;
}

static void
test_filters (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  const char *features[] = { "site:ecole-lez", NULL };
  VgJournalFilter filter;
  VgJournal *journal;
  char *seqs;
  gint64 t0 = vg_clock_get_now_usec (clock);
  guint calls = 0;

  journal = vg_test_journal_create (path, clock, FALSE);                                                   /* 1 */
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"Y3204010\",\"value\":1}"); /* 2 */
  vg_test_clock_advance (clock, 600);
  g_assert_true (vg_journal_add_note (journal, "Marie", "ÉVACUATION de l'école", features, NULL, &error)); /* 3 */
  vg_test_journal_append (journal, VG_JOURNAL_KIND_DECISION, "Paul", "{\"proposal\":\"p-1\",\"verdict\":\"accepted\"}"); /* 4 */
  vg_test_clock_advance (clock, 600);
  g_assert_true (vg_journal_add_note (journal, "Paul", "Route D65 fermée", NULL, NULL, &error));  /* 5 */
  vg_test_journal_append (journal, VG_JOURNAL_KIND_WARNING, "vigie", "{\"text\":\"évacuation conseillée\"}"); /* 6 */
  g_assert_no_error (error);

  vg_journal_filter_init (&filter);
#define CHECK(expected) G_STMT_START { seqs = select_seqs (journal, &filter); \
                                       g_assert_cmpstr (seqs, ==, expected); g_free (seqs); } G_STMT_END
  CHECK ("1,2,3,4,5,6");
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OPERATOR_NOTE);
  CHECK ("3,5");
  filter.kinds |= VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_DECISION);
  CHECK ("3,4,5");
  filter.author = "Paul";
  CHECK ("4,5");
  filter.author = NULL;
  filter.since = t0 + 1200 * G_USEC_PER_SEC;
  CHECK ("5");
  vg_journal_filter_init (&filter);
  filter.source = "main-courante";
  CHECK ("3,5");
  vg_journal_filter_init (&filter);
  filter.after_seq = 4;
  CHECK ("5,6");
  /* Search folds case and accents' case alike: "évacuation" finds "ÉVACUATION". */
  vg_journal_filter_init (&filter);
  filter.text = "évacuation";
  CHECK ("3,6");
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OPERATOR_NOTE);
  CHECK ("3");
  filter.text = "inondation";
  CHECK ("");
#undef CHECK

  /* The note carries its map links. */
  {
    g_autoptr(GPtrArray) log = vg_journal_state_dup_operator_log (vg_journal_get_state (journal));
    JsonNode *payload = vg_journal_entry_get_payload (g_ptr_array_index (log, 0));
    JsonArray *links = json_object_get_array_member (json_node_get_object (payload), "features");

    g_assert_cmpuint (json_array_get_length (links), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (links, 0), ==, "site:ecole-lez");
  }

  /* A callback can stop the walk. */
  g_assert_true (vg_journal_foreach (journal, NULL, stop_after_two_cb, &calls, &error));
  g_assert_cmpuint (calls, ==, 2);

  g_assert_finalize_object (journal);
  vg_test_rmtree (dir);
}

static double
reading_value (VgJournalState *state,
               const char     *sensor,
               const char     *quantity)
{
  g_autoptr(VgJournalEntry) entry = vg_journal_state_dup_reading (state, sensor, quantity);
  double value = -1;

  g_assert_nonnull (entry);
  g_assert_true (vg_journal_entry_get_double (entry, "value", &value));
  return value;
}

static void
check_state (VgJournal   *journal,
             const char  *last_hash)
{
  VgJournalState *state = vg_journal_get_state (journal);
  g_autoptr(GPtrArray) readings = vg_journal_state_dup_readings (state);
  g_autoptr(GPtrArray) log = vg_journal_state_dup_operator_log (state);
  g_autoptr(VgJournalEntry) p1 = vg_journal_state_dup_decision (state, "p-1");
  g_autoptr(VgJournalEntry) p2 = vg_journal_state_dup_decision (state, "p-2");
  g_autofree char *hash = vg_journal_state_dup_last_hash (state);
  g_autofree char *verdict = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpuint (vg_journal_state_get_last_seq (state), ==, 10);
  g_assert_cmpstr (hash, ==, last_hash);
  g_assert_cmpuint (readings->len, ==, 3);
  g_assert_cmpfloat (reading_value (state, "Y3204010", "level"), ==, 2.25);
  g_assert_cmpfloat (reading_value (state, "Y3204010", "flow"), ==, 180.0);
  g_assert_cmpfloat (reading_value (state, "Y3204020", "level"), ==, 0.75);
  g_assert_null (vg_journal_state_dup_reading (state, "Y3204020", "flow"));

  g_assert_cmpuint (log->len, ==, 2);
  text = vg_journal_entry_dup_string (g_ptr_array_index (log, 0), "text");
  g_assert_cmpstr (text, ==, "Cellule de crise ouverte");
  g_assert_cmpstr (vg_journal_entry_get_author (g_ptr_array_index (log, 1)), ==, "Paul");

  /* p-1 was accepted, then the acceptance revised: the latest decision counts. */
  g_assert_nonnull (p1);
  g_assert_cmpuint (vg_journal_entry_get_seq (p1), ==, 9);
  verdict = vg_journal_entry_dup_string (p1, "verdict");
  g_assert_cmpstr (verdict, ==, "rejected");
  g_assert_nonnull (p2);
  g_assert_null (vg_journal_state_dup_decision (state, "p-3"));
}

static void
test_state (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *last_hash = NULL;
  VgJournal *journal;

  journal = vg_test_journal_create (path, clock, FALSE);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"Y3204010\",\"quantity\":\"level\",\"value\":1.5}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"Y3204010\",\"quantity\":\"flow\",\"value\":180}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"Y3204020\",\"quantity\":\"level\",\"value\":0.75}");
  g_assert_true (vg_journal_add_note (journal, "Marie", "Cellule de crise ouverte", NULL, NULL, &error));
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"Y3204010\",\"quantity\":\"level\",\"value\":2.25}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_DECISION, "Marie", "{\"proposal\":\"p-1\",\"verdict\":\"accepted\"}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_DECISION, "Marie", "{\"proposal\":\"p-2\",\"verdict\":\"accepted\"}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_DECISION, "Paul", "{\"proposal\":\"p-1\",\"verdict\":\"rejected\"}");
  g_assert_true (vg_journal_add_note (journal, "Paul", "Pompiers sur place", NULL, NULL, &error));
  g_assert_no_error (error);

  entries = vg_test_journal_collect (journal, NULL);
  last_hash = vg_journal_entry_dup_hash (g_ptr_array_index (entries, entries->len - 1));
  check_state (journal, last_hash);     /* folded as appended */
  g_assert_finalize_object (journal);

  journal = vg_test_journal_open (path, clock);
  check_state (journal, last_hash);     /* rebuilt from the file: the same */
  g_assert_finalize_object (journal);
  vg_test_rmtree (dir);
}

typedef struct
{
  guint    proposals;
  gboolean destroyed;
} Counter;

static void
count_proposals (VgJournalEntry *entry,
                 gpointer        user_data)
{
  Counter *counter = user_data;

  g_assert_cmpint (vg_journal_entry_get_kind (entry), ==, VG_JOURNAL_KIND_PROPOSAL);
  counter->proposals++;
}

static void
counter_destroyed (gpointer user_data)
{
  ((Counter *) user_data)->destroyed = TRUE;
}

static void
test_reducer (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  Counter counter = { 0, FALSE };
  VgJournal *journal;

  journal = vg_test_journal_create (path, clock, FALSE);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_PROPOSAL, "risk", "{\"proposal\":\"p-1\"}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"s\",\"value\":1}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_PROPOSAL, "risk", "{\"proposal\":\"p-2\"}");

  /* A module plugged in late first catches up with the past, then follows. */
  g_assert_true (vg_journal_add_reducer (journal, VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_PROPOSAL),
                                         count_proposals, &counter, counter_destroyed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counter.proposals, ==, 2);
  vg_test_journal_append (journal, VG_JOURNAL_KIND_PROPOSAL, "risk", "{\"proposal\":\"p-3\"}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_DECISION, "Marie", "{\"proposal\":\"p-3\",\"verdict\":\"accepted\"}");
  g_assert_cmpuint (counter.proposals, ==, 3);
  g_assert_false (counter.destroyed);
  g_assert_finalize_object (journal);
  g_assert_true (counter.destroyed);
  vg_test_rmtree (dir);
}

static void
test_raw_payload (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) fetched = g_date_time_new_utc (2014, 9, 29, 5, 59, 58.25);
  static const guint8 body[] = "{\"data\":[\x00\xff\xfe binary \x01]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (body, sizeof body);
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autoptr(GBytes) back = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(JsonNode) obs = vg_test_json ("{\"sensor\":\"Y3204010\",\"value\":1.5}");
  g_autofree char *named = NULL;
  g_autofree char *when = NULL;
  VgJournal *journal;
  guint64 seq = 0;
  guint64 last = 0;
  gint64 size = 0;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  journal = vg_test_journal_create (path, clock, FALSE);
  g_assert_true (vg_journal_append_raw_payload (journal, "hubeau-lez", "https://hubeau.eaufrance.fr/api/v1/hydrometrie/observations_tr?code_entite=Y3204010",
                                                "application/json", fetched, bytes, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seq, ==, 2);

  /* The same response again, with the observations parsed from it: one transaction. */
  g_assert_true (vg_journal_batch_add_raw_payload (batch, "hubeau-lez", "https://example.org/", "application/json",
                                                   fetched, bytes, &error));
  g_assert_true (vg_journal_batch_add (batch, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau-lez", obs, &error));
  g_assert_cmpuint (vg_journal_batch_get_size (batch), ==, 2);
  g_assert_true (vg_journal_commit_batch (journal, batch, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (last, ==, 4);
  g_assert_cmpuint (vg_journal_batch_get_size (batch), ==, 0);

  entries = vg_test_journal_collect (journal, NULL);
  named = vg_journal_entry_dup_string (g_ptr_array_index (entries, 1), "sha256");
  g_assert_cmpstr (named, ==, sha);
  g_assert_true (vg_journal_entry_get_int (g_ptr_array_index (entries, 1), "size", &size));
  g_assert_cmpint (size, ==, sizeof body);
  when = vg_journal_entry_dup_string (g_ptr_array_index (entries, 1), "fetched_at");
  g_assert_cmpstr (when, ==, "2014-09-29T05:59:58.250000Z");

  back = vg_journal_dup_raw_payload (journal, sha, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (back, bytes));
  g_assert_null (vg_journal_dup_raw_payload (journal, "00000000000000000000000000000000"
                                                      "00000000000000000000000000000000", &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_READ);
  g_clear_error (&error);
  g_assert_finalize_object (journal);

  /* The bytes are kept once, however often the feed sent them. */
  db = vg_test_sqlite_open (path);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM raw_payloads", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  vg_test_rmtree (dir);
}

static void
test_correction (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  VgJournal *journal;
  guint64 note = 0;
  guint64 fix;
  gint64 corrects = 0;
  g_autoptr(GPtrArray) entries = NULL;

  journal = vg_test_journal_create (path, clock, FALSE);
  g_assert_true (vg_journal_add_note (journal, "Marie", "Digue rompue à Lattes", NULL, &note, &error));
  fix = vg_test_journal_append (journal, VG_JOURNAL_KIND_CORRECTION, "Marie",
                                "{\"corrects\":2,\"reason\":\"mauvaise commune\",\"text\":\"Digue rompue à Palavas\"}");
  g_assert_cmpuint (note, ==, 2);
  g_assert_cmpuint (fix, ==, 3);
  g_assert_finalize_object (journal);

  /* The corrected entry stays as it was: the correction is a new entry pointing at it. */
  journal = vg_test_journal_open (path, clock);
  entries = vg_test_journal_collect (journal, NULL);
  g_assert_cmpstr (vg_journal_entry_get_payload_text (g_ptr_array_index (entries, 1)), ==,
                   "{\"features\":[],\"text\":\"Digue rompue à Lattes\"}");
  g_assert_true (vg_journal_entry_get_int (g_ptr_array_index (entries, 2), "corrects", &corrects));
  g_assert_cmpint (corrects, ==, 2);
  g_assert_finalize_object (journal);
  vg_test_rmtree (dir);
}

static void
test_append_only (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  const char *statements[] = {
    "UPDATE entries SET author = 'x' WHERE seq = 2",
    "DELETE FROM entries WHERE seq = 2",
    "UPDATE raw_payloads SET data = x'00'",
    "DELETE FROM raw_payloads",
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static ("abc", 3);
  g_autoptr(GDateTime) now = vg_clock_dup_now (clock);
  VgJournal *journal;
  sqlite3 *db;

  journal = vg_test_journal_create (path, clock, FALSE);
  g_assert_true (vg_journal_add_note (journal, "Marie", "note", NULL, NULL, &error));
  g_assert_true (vg_journal_append_raw_payload (journal, "f", "u", "text/plain", now, bytes, NULL, &error));
  g_assert_finalize_object (journal);

  db = vg_test_sqlite_open (path);
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_assert_cmpint (sqlite3_exec (db, statements[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      g_assert_nonnull (strstr (sqlite3_errmsg (db), "append-only"));
    }
  sqlite3_close (db);
  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  vg_test_rmtree (dir);
}

/* Concurrency: a feed thread and an operator thread append while the UI thread reads. */

#define FEED_BATCHES   200
#define FEED_BATCH     10
#define OPERATOR_ACTS  100

typedef struct
{
  VgJournal *journal;
  gint       writers_left;
} Shared;

static gpointer
feed_thread (gpointer data)
{
  Shared *shared = data;
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(GError) error = NULL;

  for (guint b = 0; b < FEED_BATCHES; b++)
    {
      for (guint i = 0; i < FEED_BATCH; i++)
        {
          g_autofree char *text = g_strdup_printf ("{\"sensor\":\"gauge-%u\",\"quantity\":\"level\",\"value\":%u}", i, b);
          g_autoptr(JsonNode) payload = vg_test_json (text);

          g_assert_true (vg_journal_batch_add (batch, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau", payload, &error));
        }
      g_assert_true (vg_journal_commit_batch (shared->journal, batch, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_dec_and_test (&shared->writers_left);
  return NULL;
}

static gpointer
operator_thread (gpointer data)
{
  Shared *shared = data;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < OPERATOR_ACTS; i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"proposal\":\"p-%u\",\"verdict\":\"accepted\"}", i);
      g_autoptr(JsonNode) payload = vg_test_json (text);
      guint64 seq = 0;

      g_assert_true (vg_journal_append (shared->journal, VG_JOURNAL_KIND_DECISION, "ui", "Marie", payload, &seq, &error));
      g_assert_no_error (error);
      g_assert_true (vg_journal_add_note (shared->journal, "Marie", "point de situation", NULL, NULL, &error));
      g_assert_no_error (error);
    }
  g_atomic_int_dec_and_test (&shared->writers_left);
  return NULL;
}

static gboolean
count_cb (VgJournalEntry *entry,
          gpointer        user_data)
{
  (*(guint *) user_data)++;
  return TRUE;
}

static void
test_concurrency (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  Shared shared = { NULL, 2 };
  GThread *feed;
  GThread *operator;
  guint last_decisions = 0;
  guint reads = 0;
  guint64 n_entries = 0;
  VgJournalFilter filter;

  shared.journal = vg_test_journal_create (path, clock, FALSE);
  feed = g_thread_new ("feed", feed_thread, &shared);
  operator = g_thread_new ("operator", operator_thread, &shared);

  /* This thread is the UI: it keeps reading, and never sees an error (no SQLITE_BUSY). */
  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_DECISION);
  while (g_atomic_int_get (&shared.writers_left) > 0 || reads == 0)
    {
      VgJournalState *state = vg_journal_get_state (shared.journal);
      g_autoptr(GPtrArray) log = vg_journal_state_dup_operator_log (state);
      g_autoptr(GPtrArray) readings = vg_journal_state_dup_readings (state);
      guint decisions = 0;

      g_assert_true (vg_journal_foreach (shared.journal, &filter, count_cb, &decisions, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (decisions, >=, last_decisions);
      g_assert_cmpuint (readings->len, <=, FEED_BATCH);
      g_assert_cmpuint (log->len, <=, OPERATOR_ACTS);
      for (guint i = 1; i < log->len; i++)
        g_assert_cmpuint (vg_journal_entry_get_seq (g_ptr_array_index (log, i - 1)), <,
                          vg_journal_entry_get_seq (g_ptr_array_index (log, i)));
      last_decisions = decisions;
      reads++;
    }
  g_thread_join (feed);
  g_thread_join (operator);

  g_assert_cmpuint (reads, >, 1);
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (shared.journal)), ==,
                    1 + FEED_BATCHES * FEED_BATCH + 2 * OPERATOR_ACTS);
  g_assert_finalize_object (shared.journal);
  g_assert_true (vg_journal_verify_file (path, &n_entries, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 1 + FEED_BATCHES * FEED_BATCH + 2 * OPERATOR_ACTS);
  vg_test_rmtree (dir);
}

static void
test_two_writers (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = NULL;
  VgJournal *app;
  VgJournal *cli;
  guint64 seq = 0;
  guint64 n_entries = 0;

  /* The app has the journal open; a drill script appends through another connection (as
   * vigie-cli journal note does): each writer picks up the other's entries before its own. */
  app = vg_test_journal_create (path, clock, FALSE);
  cli = vg_test_journal_open (path, clock);
  g_assert_true (vg_journal_add_note (app, "Marie", "depuis l'application", NULL, &seq, &error));
  g_assert_cmpuint (seq, ==, 2);
  g_assert_true (vg_journal_add_note (cli, "script", "depuis le script", NULL, &seq, &error));
  g_assert_cmpuint (seq, ==, 3);
  g_assert_true (vg_journal_add_note (app, "Marie", "encore", NULL, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seq, ==, 4);

  log = vg_journal_state_dup_operator_log (vg_journal_get_state (app));
  g_assert_cmpuint (log->len, ==, 3);
  g_assert_cmpstr (vg_journal_entry_get_author (g_ptr_array_index (log, 1)), ==, "script");

  g_assert_finalize_object (cli);
  g_assert_finalize_object (app);
  g_assert_true (vg_journal_verify_file (path, &n_entries, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 4);
  vg_test_rmtree (dir);
}

/* A checked commit: the check sees what another writer appended just before (the state has
 * caught up), and a refusal writes nothing and keeps the batch. */

static gboolean
count_notes_cb (VgJournalEntry *entry,
                gpointer        user_data)
{
  guint *n = user_data;

  (*n)++;
  return TRUE;
}

static gboolean
one_note_only_check (VgJournal  *journal,
                     guint64     last_seq,
                     gpointer    user_data,
                     GError    **error)
{
  g_autoptr(GPtrArray) log = vg_journal_state_dup_operator_log (vg_journal_get_state (journal));
  guint64 *seen = user_data;

  *seen = last_seq;
  if (log->len > 0)
    {
      g_set_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID, "already %u note(s)", log->len);
      return FALSE;
    }
  return TRUE;
}

static void
test_checked_commit (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(JsonNode) note = vg_test_json ("{\"features\":[],\"text\":\"première\"}");
  VgJournalFilter filter;
  VgJournal *app;
  VgJournal *cli;
  guint64 seen = 0;
  guint64 seq = 0;
  guint n_notes = 0;

  app = vg_test_journal_create (path, clock, FALSE);
  cli = vg_test_journal_open (path, clock);

  g_assert_true (vg_journal_batch_add (batch, VG_JOURNAL_KIND_OPERATOR_NOTE, "ui", "Marie", note, &error));
  g_assert_true (vg_journal_commit_batch_checked (app, batch, one_note_only_check, &seen, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, 1);
  g_assert_cmpuint (seq, ==, 2);
  g_assert_cmpuint (vg_journal_batch_get_size (batch), ==, 0);

  /* The other writer's check runs after it has folded the app's note: refused. */
  g_assert_true (vg_journal_batch_add (batch, VG_JOURNAL_KIND_OPERATOR_NOTE, "cli", "Paul", note, &error));
  g_assert_false (vg_journal_commit_batch_checked (cli, batch, one_note_only_check, &seen, &seq, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "already 1 note(s)");
  g_assert_cmpuint (seen, ==, 2);
  g_assert_cmpuint (vg_journal_batch_get_size (batch), ==, 1);
  g_clear_error (&error);

  /* Nothing was written, and the journal still takes an unchecked append. */
  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_OPERATOR_NOTE);
  g_assert_true (vg_journal_foreach (app, &filter, count_notes_cb, &n_notes, &error));
  g_assert_cmpuint (n_notes, ==, 1);
  g_assert_true (vg_journal_commit_batch (cli, batch, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seq, ==, 3);

  /* The app folds the other writer's entry without writing anything itself. */
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (app)), ==, 2);
  g_assert_true (vg_journal_catch_up (app, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (app)), ==, 3);

  g_assert_finalize_object (cli);
  g_assert_finalize_object (app);
  vg_test_rmtree (dir);
}

/* Disk full: a child process whose file size limit stops the journal's writes mid-way
 * (RLIMIT_FSIZE, with SIGXFSZ ignored, fails write() as a full disk would). */

static const char *self_exe;

static void
disk_full_child (const char *path,
                 int         out)
{
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (300000, 'n');
  VgJournal *journal = vg_test_journal_open (path, clock);
  struct rlimit limit;
  guint64 last_acked = 0;
  GStatBuf st;
  guint n_read = 0;
  guint i;

  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  limit.rlim_cur = limit.rlim_max = st.st_size + 256 * 1024;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  for (i = 0; i < 100; i++)
    {
      g_autofree char *body = g_strnfill (40000, 'x');
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GDateTime) now = vg_clock_dup_now (clock);
      guint64 seq = 0;

      /* Distinct bytes, or the journal would store them once. */
      g_snprintf (body, 16, "%u", i);
      bytes = g_bytes_new_take (g_steal_pointer (&body), 40000);
      if (!vg_journal_append_raw_payload (journal, "hubeau", "https://hubeau.eaufrance.fr/", "application/json",
                                          now, bytes, &seq, &error))
        break;
      last_acked = seq;
      dprintf (out, "%" G_GUINT64_FORMAT "\n", seq);
    }
  /* The operator gets a clear error naming the journal and the cause... */
  g_assert_cmpuint (i, <, 100);
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "cannot write entry"));
  g_assert_nonnull (strstr (error->message, "disk I/O error"));
  g_clear_error (&error);

  /* ...and the journal stays readable, with everything acknowledged. */
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (journal)), ==, last_acked);
  g_assert_true (vg_journal_foreach (journal, NULL, count_cb, &n_read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_read, ==, last_acked);

  /* A decision now fails the same way, and leaves no trace. */
  g_assert_false (vg_journal_add_note (journal, "Marie", huge, NULL, NULL, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_WRITE);
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (journal)), ==, last_acked);
  g_object_unref (journal);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) acked = g_string_new (NULL);
  VgJournal *journal;
  int fds[2];
  char buf[256];
  ssize_t got;
  int status = 0;
  pid_t pid;
  g_auto(GStrv) lines = NULL;
  guint64 n_entries = 0;
  guint n_acked = 0;

  journal = vg_test_journal_create (path, clock, FALSE);
  for (guint i = 0; i < 5; i++)
    vg_test_journal_append (journal, VG_JOURNAL_KIND_DECISION, "Marie", "{\"proposal\":\"p-1\",\"verdict\":\"accepted\"}");
  g_assert_finalize_object (journal);

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      char fd_text[16];

      /* A fresh image of this program, not a fork of the test: it holds only what it
       * allocates (so leak checkers see its own leaks, not its parent's memory). */
      close (fds[0]);
      g_snprintf (fd_text, sizeof fd_text, "%d", fds[1]);
      execl (self_exe, self_exe, "--disk-full-child", path, fd_text, (char *) NULL);
      _exit (127);
    }
  close (fds[1]);
  while ((got = read (fds[0], buf, sizeof buf)) > 0)
    g_string_append_len (acked, buf, got);
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);

  /* Back with room: every acknowledged entry is there, the chain intact. */
  lines = g_strsplit (g_strstrip (acked->str), "\n", -1);
  n_acked = g_strv_length (lines);
  g_assert_cmpuint (n_acked, >=, 1);
  g_assert_true (vg_journal_verify_file (path, &n_entries, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, >=, g_ascii_strtoull (lines[n_acked - 1], NULL, 10));
  g_assert_cmpuint (n_entries, ==, 6 + n_acked);
  vg_test_rmtree (dir);
}

/* A read-only directory. Root ignores permissions, so as root the check runs in a child that
 * has become "nobody"; otherwise in a child as well, for the same code path. */

static void
read_only_dir_child (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autofree char *other = g_build_filename (dir, "other.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  VgJournal *journal;
  guint64 n_entries = 0;

  journal = vg_test_journal_create (path, clock, FALSE);
  g_assert_true (vg_journal_add_note (journal, "Marie", "avant", NULL, NULL, &error));
  g_assert_no_error (error);
  g_object_unref (journal);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);

  g_assert_null (vg_journal_create (other, clock, "Crue", FALSE, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, other));
  g_assert_nonnull (strstr (error->message, "Permission denied"));
  g_clear_error (&error);

  /* Writing needs the WAL beside the file: refused at open, with the reason. */
  g_assert_null (vg_journal_open (path, clock, VG_JOURNAL_OPEN_DEFAULT, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Reading still works, for verification and forensics. */
  g_assert_true (vg_journal_verify_file (path, &n_entries, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 2);
  journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  entries = vg_test_journal_collect (journal, NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  g_object_unref (journal);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);
}

static void
test_read_only_directory (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  int status = 0;
  pid_t pid;

  if (geteuid () == 0)
    g_assert_cmpint (chown (dir, 65534, 65534), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      if (geteuid () == 0 && (setgid (65534) != 0 || setuid (65534) != 0))
        _exit (3);
      read_only_dir_child (dir);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  vg_test_rmtree (dir);
}

static void
test_unwritable_location (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *file = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(GError) error = NULL;

  /* A parent that is a file, not a directory (works even as root). */
  g_assert_true (g_file_set_contents (file, "x", 1, &error));
  g_assert_null (vg_journal_create (path, clock, "Crue", FALSE, &error));
  g_assert_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "Not a directory"));
  vg_test_rmtree (dir);
}

static gboolean
refuse_check (VgJournal  *journal,
              guint64     last_seq,
              gpointer    user_data,
              GError    **error)
{
  g_set_error_literal (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID, "refused");
  return FALSE;
}

/* Entries verified on disk, seen from another connection (as another process would). */
static guint64
entries_on_disk (const char *path)
{
  g_autoptr(GError) error = NULL;
  guint64 n = 0;

  g_assert_true (vg_journal_verify_file (path, &n, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return n;
}

/* A group writes its non-durable entries once, at its end; they are chained and folded at once,
 * a refused batch inside it leaves the others, and a durable entry inside it is on disk, with
 * everything before it, when its call returns. */
static void
test_group (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(VgClock) clock = vg_test_clock_new ();
  g_autoptr(VgJournal) journal = vg_test_journal_create (path, clock, FALSE);
  g_autoptr(VgJournalBatch) batch = vg_journal_batch_new ();
  g_autoptr(JsonNode) reading = vg_test_json ("{\"sensor\":\"Y3204030\",\"quantity\":\"stage\",\"value\":2.5}");
  g_autoptr(GError) error = NULL;
  g_autofree char *state_hash = NULL;
  g_autofree char *disk_hash = NULL;
  guint64 seq = 0, n = 0;

  vg_journal_begin_group (journal);
  vg_journal_begin_group (journal);   /* groups nest */
  vg_test_journal_append (journal, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "{\"sensor\":\"a\",\"value\":1}");
  vg_test_journal_append (journal, VG_JOURNAL_KIND_PROJECTION, "vigie", "{\"key\":\"flood/a\",\"state\":\"1\"}");
  g_assert_cmpuint (vg_journal_state_get_last_seq (vg_journal_get_state (journal)), ==, 3);
  g_assert_cmpuint (entries_on_disk (path), ==, 1);

  g_assert_true (vg_journal_batch_add (batch, VG_JOURNAL_KIND_OBSERVATION, "hubeau", "hubeau", reading, &error));
  g_assert_false (vg_journal_commit_batch_checked (journal, batch, refuse_check, NULL, NULL, &error));
  g_assert_error (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (vg_journal_end_group (journal, &error));   /* the inner one: nothing yet */
  g_assert_no_error (error);
  g_assert_cmpuint (entries_on_disk (path), ==, 1);

  /* Durable: written with the group so far before the call returns. */
  g_assert_true (vg_journal_add_note (journal, "Marie", "Barrières posées", NULL, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seq, ==, 4);
  g_assert_cmpuint (entries_on_disk (path), ==, 4);

  g_assert_true (vg_journal_commit_batch (journal, batch, &seq, &error));
  g_assert_cmpuint (seq, ==, 5);
  g_assert_cmpuint (entries_on_disk (path), ==, 4);
  g_assert_true (vg_journal_end_group (journal, &error));
  g_assert_no_error (error);

  g_assert_true (vg_journal_verify_file (path, &n, &disk_hash, NULL, NULL, &error));
  g_assert_cmpuint (n, ==, 5);
  state_hash = vg_journal_state_dup_last_hash (vg_journal_get_state (journal));
  g_assert_cmpstr (state_hash, ==, disk_hash);
  g_clear_object (&journal);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--disk-full-child"))
    {
      disk_full_child (argv[2], atoi (argv[3]));
      return 0;
    }
  self_exe = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/journal/create", test_create);
  g_test_add_func ("/vigie/journal/create-refuses-existing", test_create_refuses_existing);
  g_test_add_func ("/vigie/journal/hash-encoding", test_hash_encoding);
  g_test_add_func ("/vigie/journal/canonical-payload", test_canonical_payload);
  g_test_add_func ("/vigie/journal/invalid-entries", test_invalid_entries);
  g_test_add_func ("/vigie/journal/filters", test_filters);
  g_test_add_func ("/vigie/journal/state", test_state);
  g_test_add_func ("/vigie/journal/reducer", test_reducer);
  g_test_add_func ("/vigie/journal/raw-payload", test_raw_payload);
  g_test_add_func ("/vigie/journal/correction", test_correction);
  g_test_add_func ("/vigie/journal/append-only", test_append_only);
  g_test_add_func ("/vigie/journal/concurrency", test_concurrency);
  g_test_add_func ("/vigie/journal/two-writers", test_two_writers);
  g_test_add_func ("/vigie/journal/checked-commit", test_checked_commit);
  g_test_add_func ("/vigie/journal/group", test_group);
  g_test_add_func ("/vigie/journal/disk-full", test_disk_full);
  g_test_add_func ("/vigie/journal/read-only-directory", test_read_only_directory);
  g_test_add_func ("/vigie/journal/unwritable-location", test_unwritable_location);

  return g_test_run ();
}
