/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "vg-log-entry.h"
#include "vg-situation.h"
#include "vg-test-util.h"

static VgClock *
new_clock (void)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2014, 9, 29, 14, 0, 0);

  return vg_clock_new_manual (start);
}

/* A note is in the log as soon as add_note returns, and survives reopening. */
static void
test_notes_in_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "live.vigie-journal", NULL);
  const char *features[] = { "site:EtabliPublic:42", NULL };
  VgSituation *situation;
  g_autoptr(VgLogEntry) entry = NULL;
  guint64 seq = 0;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_false (vg_situation_is_exercise (situation));
  g_assert_false (vg_situation_is_read_only (situation));
  g_assert_null (vg_situation_get_problem (situation));
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 0);

  g_assert_true (vg_situation_add_note (situation, "Claire Martin", "Pompiers sur place, rue de la Loge",
                                        features, &seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seq, >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  entry = g_list_model_get_item (vg_situation_get_log (situation), 0);
  g_assert_cmpstr (vg_log_entry_get_author (entry), ==, "Claire Martin");
  g_assert_cmpstr (vg_log_entry_get_features (entry)[0], ==, "site:EtabliPublic:42");
  g_assert_cmpint (vg_log_entry_get_time (entry), ==, vg_clock_get_now_usec (clock));
  g_assert_true (vg_log_entry_matches (entry, "LOGE"));
  g_assert_true (vg_log_entry_matches (entry, "claire"));
  g_assert_false (vg_log_entry_matches (entry, "Mosson"));

  /* An empty note is refused and nothing is added. */
  g_assert_false (vg_situation_add_note (situation, "Claire Martin", "", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  g_assert_finalize_object (situation);

  situation = vg_situation_open_or_create (path, clock, "ignored when the file exists", TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vg_situation_get_name (situation), ==, "Montpellier");
  g_assert_false (vg_situation_is_exercise (situation));
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  g_assert_finalize_object (situation);
  vg_test_rmtree (dir);
}

/* Notes appended by someone else (another process: `vigie-cli journal note` in a drill) show up
 * on refresh. */
static void
test_refresh_picks_up_other_writers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "drill.vigie-journal", NULL);
  g_autoptr(VgSituation) situation = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("VIGIE_CLI"), "journal", "note", path, "--operator", "Exercise controller",
                         "--text", "Inject 3: the Lez overtops at Pont Juvénal", NULL };

  situation = vg_situation_open_or_create (path, clock, "Drill", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_is_exercise (situation));
  g_assert_cmpint (vg_test_run (argv, &out, &err), ==, 0);

  vg_situation_refresh (situation);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  vg_situation_refresh (situation);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (situation)), ==, 1);
  vg_test_rmtree (dir);
}

/* A journal whose chain is broken opens read-only, says why, and refuses notes. */
static void
test_broken_journal_is_read_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = new_clock ();
  g_autofree char *dir = vg_test_mkdtemp ();
  g_autofree char *path = g_build_filename (dir, "tampered.vigie-journal", NULL);
  VgSituation *situation;
  sqlite3 *db;

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_add_note (situation, "A", "first", NULL, NULL, &error));
  g_assert_true (vg_situation_add_note (situation, "A", "second", NULL, NULL, &error));
  g_assert_finalize_object (situation);

  /* Rewrite the first note behind the journal's back (its triggers dropped first). */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA writable_schema=ON; DROP TRIGGER IF EXISTS entries_no_update;"
                                     "DELETE FROM sqlite_master WHERE type = 'trigger';", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE entries SET payload = replace(payload, 'first', 'forged') "
                                     "WHERE kind = 'operator-note'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  situation = vg_situation_open_or_create (path, clock, "Montpellier", FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_is_read_only (situation));
  g_assert_nonnull (strstr (vg_situation_get_problem (situation), "does not verify"));
  g_assert_false (vg_situation_add_note (situation, "A", "third", NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_finalize_object (situation);
  vg_test_rmtree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/situation/notes-in-log", test_notes_in_log);
  g_test_add_func ("/vigie/situation/refresh-picks-up-other-writers", test_refresh_picks_up_other_writers);
  g_test_add_func ("/vigie/situation/broken-journal-is-read-only", test_broken_journal_is_read_only);

  return g_test_run ();
}
