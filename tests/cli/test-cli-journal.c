/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "vg-journal.h"
#include "vg-test-util.h"

/* `vigie-cli journal verify|show|note`, run as a user runs it: exit codes, one-line errors on
 * stderr, and --json output read back with json-glib. */

/* vigie-cli journal …, as a user runs it. */
#define cli(...) vg_test_cli ("journal", __VA_ARGS__)
#define assert_one_line_error vg_test_cli_assert_one_line_error


static JsonObject *
parse_object (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
test_note_creates_and_appends (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez-2014.vigie-journal", NULL);
  g_auto(VgCliRun) first = cli ("note", path, "--operator", "Marie", "--text", "Cellule de crise ouverte", NULL);
  g_auto(VgCliRun) second = cli ("note", path, "--operator", "Paul", "--text", "Pompiers à Lattes",
                            "--feature", "site:ecole-lez", "--feature", "road:D65", "--json", NULL);
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_hash = NULL;
  JsonArray *features;
  GStatBuf st;

  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "note 2 recorded (new journal)"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_cmpint (second.status, ==, 0);
  result = parse_object (second.out);
  g_assert_false (json_object_get_boolean_member (result, "created"));
  g_assert_false (json_object_get_boolean_member (result, "exercise"));
  g_assert_cmpint (json_object_get_int_member (result, "seq"), ==, 3);

  /* What the command wrote, as the core reads it. */
  journal = vg_journal_open (path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vg_journal_get_situation (journal), ==, "lez-2014");
  g_assert_false (vg_journal_is_exercise (journal));
  last_hash = vg_journal_state_dup_last_hash (vg_journal_get_state (journal));
  g_assert_cmpstr (json_object_get_string_member (result, "hash"), ==, last_hash);
  log = vg_journal_state_dup_operator_log (vg_journal_get_state (journal));
  g_assert_cmpuint (log->len, ==, 2);
  g_assert_cmpstr (vg_journal_entry_get_author (g_ptr_array_index (log, 1)), ==, "Paul");
  features = json_object_get_array_member (json_node_get_object (vg_journal_entry_get_payload (g_ptr_array_index (log, 1))),
                                           "features");
  g_assert_cmpuint (json_array_get_length (features), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (features, 1), ==, "road:D65");

  vg_test_rmtree (dir);
}

static void
test_note_exercise (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *drill = g_build_filename (dir, "drill.vigie-journal", NULL);
  g_autofree char *live = g_build_filename (dir, "live.vigie-journal", NULL);
  g_auto(VgCliRun) created = cli ("note", drill, "--operator", "Marie", "--text", "Début de l'exercice",
                             "--exercise", "--situation", "Exercice crue 2026", "--json", NULL);
  g_auto(VgCliRun) shown = cli ("show", drill, "--json", NULL);
  g_auto(VgCliRun) live_note = cli ("note", live, "--operator", "Marie", "--text", "réel", NULL);
  g_auto(VgCliRun) mixed = cli ("note", live, "--operator", "Marie", "--text", "exercice ?", "--exercise", NULL);
  g_autoptr(JsonObject) result = NULL;
  g_autoptr(JsonObject) listing = NULL;

  g_assert_cmpint (created.status, ==, 0);
  result = parse_object (created.out);
  g_assert_true (json_object_get_boolean_member (result, "created"));
  g_assert_true (json_object_get_boolean_member (result, "exercise"));

  g_assert_cmpint (shown.status, ==, 0);
  listing = parse_object (shown.out);
  g_assert_true (json_object_get_boolean_member (listing, "exercise"));
  g_assert_cmpstr (json_object_get_string_member (listing, "situation"), ==, "Exercice crue 2026");

  /* An exercise note never lands in a live journal. */
  g_assert_cmpint (live_note.status, ==, 0);
  assert_one_line_error (&mixed, 1, "live journal");
  vg_test_rmtree (dir);
}

static void
test_verify (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_auto(VgCliRun) note1 = cli ("note", path, "--operator", "Marie", "--text", "un", NULL);
  g_auto(VgCliRun) note2 = cli ("note", path, "--operator", "Marie", "--text", "deux", "--json", NULL);
  g_auto(VgCliRun) text = cli ("verify", path, NULL);
  g_auto(VgCliRun) json = cli ("verify", path, "--json", NULL);
  g_autoptr(JsonObject) noted = NULL;
  g_autoptr(JsonObject) result = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpint (note1.status, ==, 0);
  g_assert_cmpint (note2.status, ==, 0);
  noted = parse_object (note2.out);

  g_assert_cmpint (text.status, ==, 0);
  expected = g_strdup_printf ("%s: intact, 3 entries, last hash %s\n", path,
                              json_object_get_string_member (noted, "hash"));
  g_assert_cmpstr (text.out, ==, expected);

  g_assert_cmpint (json.status, ==, 0);
  result = parse_object (json.out);
  g_assert_true (json_object_get_boolean_member (result, "intact"));
  g_assert_cmpint (json_object_get_int_member (result, "entries"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (result, "last_hash"), ==,
                   json_object_get_string_member (noted, "hash"));
  g_assert_false (json_object_has_member (result, "first_bad_seq"));
  vg_test_rmtree (dir);
}

static void
test_verify_tampered (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(JsonObject) result = NULL;
  sqlite3 *db;

  for (int i = 0; i < 4; i++)
    {
      g_autofree char *text = g_strdup_printf ("note %d", i);
      g_auto(VgCliRun) note = cli ("note", path, "--operator", "Marie", "--text", text, NULL);

      g_assert_cmpint (note.status, ==, 0);
    }

  /* Someone rewrites what note 3 said. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER entries_no_update;"
                                     "UPDATE entries SET payload = replace (payload, 'note 1', 'note 9') WHERE seq = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);

  {
    g_auto(VgCliRun) text = cli ("verify", path, NULL);
    g_auto(VgCliRun) json = cli ("verify", path, "--json", NULL);
    g_auto(VgCliRun) shown = cli ("show", path, NULL);
    g_auto(VgCliRun) note = cli ("note", path, "--operator", "Marie", "--text", "après", NULL);

    assert_one_line_error (&text, 1, "entry 3 fails verification");
    g_assert_cmpstr (text.out, ==, "");

    assert_one_line_error (&json, 1, "entry 3 fails verification");
    result = parse_object (json.out);
    g_assert_false (json_object_get_boolean_member (result, "intact"));
    g_assert_cmpint (json_object_get_int_member (result, "first_bad_seq"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (result, "entries"), ==, 2);
    g_assert_nonnull (strstr (json_object_get_string_member (result, "reason"), "hash"));

    /* show still lists everything, for forensics, but exits 1; note refuses to write. */
    assert_one_line_error (&shown, 1, "entry 3 fails verification");
    g_assert_nonnull (strstr (shown.out, "note 9"));
    assert_one_line_error (&note, 1, "entry 3 fails verification");
  }
  vg_test_rmtree (dir);
}

static char *
json_seqs (JsonObject *listing)
{
  JsonArray *entries = json_object_get_array_member (listing, "entries");
  g_autoptr(GString) seqs = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    g_string_append_printf (seqs, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            json_object_get_int_member (json_array_get_object_element (entries, i), "seq"));
  return g_string_free (g_steal_pointer (&seqs), FALSE);
}

static void
test_show (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 6, 0, 0);
  g_autoptr(GDateTime) later = g_date_time_add_hours (start, 1);
  g_autoptr(VgClock) clock = vg_clock_new_manual (start);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) decision = json_from_string ("{\"proposal\":\"p-1\",\"verdict\":\"accepted\"}", NULL);
  VgJournal *journal;

  /* Written through the core on a manual clock, so the times are known: 06:00Z and 07:00Z. */
  journal = vg_journal_create (path, clock, "Crue du Lez", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_journal_add_note (journal, "Marie", "Cellule de crise ouverte", NULL, NULL, &error));
  vg_clock_set_now (clock, later);
  g_assert_true (vg_journal_append (journal, VG_JOURNAL_KIND_DECISION, "ui", "Paul", decision, NULL, &error));
  g_assert_true (vg_journal_add_note (journal, "Paul", "Évacuation de l'école", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (journal);

  {
    g_auto(VgCliRun) all = cli ("show", path, NULL);
    g_auto(VgCliRun) notes = cli ("show", path, "--kind", "operator-note", "--json", NULL);
    /* TZ=Europe/Paris in the test environment: 08:30 local is 06:30Z. */
    g_auto(VgCliRun) since = cli ("show", path, "--since", "2014-09-29T08:30", "--json", NULL);
    g_auto(VgCliRun) since_utc = cli ("show", path, "--since", "2014-09-29T07:00:00Z", "--kind", "decision",
                                 "--kind", "operator-note", "--json", NULL);
    g_auto(VgCliRun) search = cli ("show", path, "--text", "ÉVACUATION", "--json", NULL);
    g_auto(VgCliRun) by_author = cli ("show", path, "--author", "Marie", "--json", NULL);
    g_autoptr(JsonObject) listing = NULL;
    g_autofree char *seqs = NULL;
    JsonObject *first;
    g_auto(GStrv) lines = NULL;

    g_assert_cmpint (all.status, ==, 0);
    lines = g_strsplit (all.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 5);   /* 4 entries and the final newline */
    g_assert_nonnull (strstr (lines[0], "2014-09-29T08:00:00+02"));
    g_assert_nonnull (strstr (lines[0], "header"));
    g_assert_nonnull (strstr (lines[2], "decision"));
    g_assert_nonnull (strstr (lines[2], "ui/Paul"));

#define SEQS(run, expected) G_STMT_START {                                  \
      g_assert_cmpint ((run).status, ==, 0);                                \
      g_clear_pointer (&listing, json_object_unref);                        \
      g_clear_pointer (&seqs, g_free);                                      \
      listing = parse_object ((run).out);                                   \
      seqs = json_seqs (listing);                                           \
      g_assert_cmpstr (seqs, ==, expected);                                 \
    } G_STMT_END
    SEQS (notes, "2,4");
    SEQS (since, "3,4");
    SEQS (since_utc, "3,4");
    SEQS (search, "4");
    SEQS (by_author, "2");
#undef SEQS

    g_assert_true (json_object_get_boolean_member (listing, "intact"));
    first = json_array_get_object_element (json_object_get_array_member (listing, "entries"), 0);
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "operator-note");
    g_assert_cmpstr (json_object_get_string_member (first, "time"), ==, "2014-09-29T06:00:00Z");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (first, "payload"), "text"), ==,
                     "Cellule de crise ouverte");
    g_assert_cmpuint (strlen (json_object_get_string_member (first, "hash")), ==, 64);
  }
  vg_test_rmtree (dir);
}

static void
test_usage_and_input_errors (void)
{
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "lez.vigie-journal", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.vigie-journal", NULL);
  g_autofree char *not_journal = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(VgCliRun) setup = cli ("note", path, "--operator", "Marie", "--text", "ouverture", NULL);

  g_assert_cmpint (setup.status, ==, 0);
  g_assert_true (g_file_set_contents (not_journal, "just some text, not a journal at all, long enough to be read...........................................", -1, &error));

  {
    /* Usage errors: exit 2. */
    g_auto(VgCliRun) nothing = cli (NULL, NULL);
    g_auto(VgCliRun) unknown = cli ("frobnicate", path, NULL);
    g_auto(VgCliRun) no_file = cli ("verify", NULL);
    g_auto(VgCliRun) two_files = cli ("verify", path, path, NULL);
    g_auto(VgCliRun) bad_kind = cli ("show", path, "--kind", "rumour", NULL);
    g_auto(VgCliRun) bad_time = cli ("show", path, "--since", "yesterday", NULL);
    g_auto(VgCliRun) bad_option = cli ("show", path, "--colour", NULL);
    g_auto(VgCliRun) no_operator = cli ("note", path, "--text", "x", NULL);
    /* Bad input: exit 1. */
    g_auto(VgCliRun) absent = cli ("verify", missing, NULL);
    g_auto(VgCliRun) absent_show = cli ("show", missing, "--json", NULL);
    g_auto(VgCliRun) foreign = cli ("verify", not_journal, "--json", NULL);
    g_auto(VgCliRun) blank = cli ("note", path, "--operator", "Marie", "--text", "   ", NULL);
    g_auto(VgCliRun) anonymous = cli ("note", path, "--operator", "", "--text", "qui ?", NULL);

    assert_one_line_error (&nothing, 2, "verify");
    assert_one_line_error (&unknown, 2, "frobnicate");
    assert_one_line_error (&no_file, 2, "FILE");
    assert_one_line_error (&two_files, 2, "unexpected argument");
    assert_one_line_error (&bad_kind, 2, "rumour");
    assert_one_line_error (&bad_time, 2, "yesterday");
    assert_one_line_error (&bad_option, 2, "colour");
    assert_one_line_error (&no_operator, 2, "--operator");

    assert_one_line_error (&absent, 1, missing);
    assert_one_line_error (&absent_show, 1, "no such file");
    g_assert_cmpstr (absent_show.out, ==, "");
    assert_one_line_error (&foreign, 1, "not a journal");
    assert_one_line_error (&blank, 1, "needs some text");
    assert_one_line_error (&anonymous, 1, "author");
  }
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/cli/journal/note-creates-and-appends", test_note_creates_and_appends);
  g_test_add_func ("/vigie/cli/journal/note-exercise", test_note_exercise);
  g_test_add_func ("/vigie/cli/journal/verify", test_verify);
  g_test_add_func ("/vigie/cli/journal/verify-tampered", test_verify_tampered);
  g_test_add_func ("/vigie/cli/journal/show", test_show);
  g_test_add_func ("/vigie/cli/journal/usage-and-input-errors", test_usage_and_input_errors);

  return g_test_run ();
}
