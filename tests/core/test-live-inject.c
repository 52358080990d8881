/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <string.h>

#include "vg-data-dir.h"
#include "vg-error.h"
#include "vg-feed-health.h"
#include "vg-live-inject.h"
#include "vg-log-entry.h"
#include "vg-replay.h"
#include "vg-scenario.h"
#include "vg-test-util.h"

typedef struct
{
  char        *dir;
  VgScenario  *scenario;
  VgClock     *clock;
  VgSituation *situation;
  VgReplay    *replay;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scenarios = vg_data_dir_find_scenarios (&error);
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;

  g_assert_no_error (error);
  path = g_build_filename (scenarios, "lez-2014-09", NULL);
  f->scenario = vg_scenario_load (path, &error);
  g_assert_no_error (error);
  f->dir = vg_test_mkdtemp ();
  journal = g_build_filename (f->dir, "exercise.vigie-journal", NULL);
  f->clock = vg_clock_new_manual (vg_scenario_get_start (f->scenario));
  f->situation = vg_situation_open_or_create (journal, f->clock, "lez-2014-09", TRUE, &error);
  g_assert_no_error (error);
  f->replay = vg_replay_new (f->scenario, f->situation, &error);
  g_assert_no_error (error);
  /* A few hours into the drill, the feeds have answered. */
  g_assert_true (vg_replay_advance_to (f->replay, vg_time_to_usec (vg_scenario_get_start (f->scenario)) +
                                       6 * G_TIME_SPAN_HOUR, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_strdup (vg_journal_get_path (vg_situation_get_journal (f->situation)));

  g_clear_object (&f->replay);
  g_assert_finalize_object (f->situation);
  /* Whatever was injected, the journal's chain holds. */
  g_assert_true (vg_journal_verify_file (path, NULL, NULL, NULL, NULL, NULL));
  g_clear_object (&f->clock);
  g_clear_object (&f->scenario);
  vg_test_rmtree (f->dir);
  g_free (f->dir);
}

static gboolean
collect_cb (VgJournalEntry *entry,
            gpointer        user_data)
{
  g_ptr_array_add (user_data, vg_journal_entry_ref (entry));
  return TRUE;
}

/* The injects the journal holds that the controller made live. */
static GPtrArray *
live_injects (Fixture *f)
{
  GPtrArray *found = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  g_autoptr(GError) error = NULL;
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_SCENARIO_INJECT);
  g_assert_true (vg_journal_foreach (vg_situation_get_journal (f->situation), &filter, collect_cb, all, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      JsonObject *payload = json_node_get_object (vg_journal_entry_get_payload (g_ptr_array_index (all, i)));

      if (json_object_get_boolean_member_with_default (payload, "live", FALSE))
        g_ptr_array_add (found, vg_journal_entry_ref (g_ptr_array_index (all, i)));
    }
  return found;
}

static void
test_only_the_controller (Fixture       *f,
                          gconstpointer  data)
{
  VgRole roles[] = { VG_ROLE_OPERATOR, VG_ROLE_VALIDATOR, VG_ROLE_OBSERVER };
  g_autoptr(GPtrArray) injects = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autoptr(VgOperator) someone = vg_operator_new ("Julien Roux", roles[i], NULL);
      g_autoptr(GError) error = NULL;

      g_assert_false (vg_live_inject (f->replay, someone, VG_SCENARIO_INJECT_NOTE, NULL, "Renfort arrivé", NULL, &error));
      g_assert_error (error, VG_PROPOSAL_ERROR, VG_PROPOSAL_ERROR_FORBIDDEN);
      g_assert_nonnull (strstr (error->message, "Julien Roux"));
    }
  injects = live_injects (f);
  g_assert_cmpuint (injects->len, ==, 0);
}

static void
test_incomplete_injects (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(VgOperator) controller = vg_operator_new ("Karim Haddad", VG_ROLE_EXERCISE_CONTROLLER, NULL);
  g_autoptr(GError) blank = NULL;
  g_autoptr(GError) unknown = NULL;
  g_autoptr(GError) reasonless = NULL;
  g_autoptr(GError) kind = NULL;
  g_autoptr(GPtrArray) injects = NULL;

  g_assert_false (vg_live_inject (f->replay, controller, VG_SCENARIO_INJECT_NOTE, NULL, "  \n", NULL, &blank));
  g_assert_error (blank, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD);
  g_assert_false (vg_live_inject (f->replay, controller, VG_SCENARIO_INJECT_FEED_FAILURE, "no-such-feed", "Panne",
                                  NULL, &unknown));
  g_assert_error (unknown, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD);
  g_assert_nonnull (strstr (unknown->message, "no-such-feed"));
  g_assert_false (vg_live_inject (f->replay, controller, VG_SCENARIO_INJECT_FEED_FAILURE,
                                  vg_scenario_get_feed_id (f->scenario, 0), NULL, NULL, &reasonless));
  g_assert_error (reasonless, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD);
  g_assert_false (vg_live_inject (f->replay, controller, VG_SCENARIO_INJECT_CAP, NULL, "x", NULL, &kind));
  g_assert_error (kind, VG_SCENARIO_ERROR, VG_SCENARIO_ERROR_FIELD);
  injects = live_injects (f);
  g_assert_cmpuint (injects->len, ==, 0);
}

static void
test_note_and_feed_failure (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VgOperator) controller = vg_operator_new ("Karim Haddad", VG_ROLE_EXERCISE_CONTROLLER, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) injects = NULL;
  const char *feed = vg_scenario_get_feed_id (f->scenario, 0);
  VgPicture *picture = vg_situation_get_picture (f->situation);
  GListModel *log = vg_situation_get_log (f->situation);
  g_autoptr(VgLogEntry) last = NULL;
  JsonObject *payload;
  guint64 note_seq = 0, failure_seq = 0;

  g_assert_true (vg_live_inject (f->replay, controller, VG_SCENARIO_INJECT_NOTE, NULL,
                                 "  La préfecture demande un point de situation à 18 h  ", &note_seq, &error));
  g_assert_no_error (error);
  g_assert_true (vg_live_inject (f->replay, controller, VG_SCENARIO_INJECT_FEED_FAILURE, feed,
                                 "coupure du réseau", &failure_seq, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failure_seq, >, note_seq);

  /* Journalled as the controller's own, signed, with what the players were told. */
  injects = live_injects (f);
  g_assert_cmpuint (injects->len, ==, 2);
  g_assert_cmpuint (vg_journal_entry_get_seq (g_ptr_array_index (injects, 0)), ==, note_seq);
  g_assert_cmpstr (vg_journal_entry_get_author (g_ptr_array_index (injects, 0)), ==, "Karim Haddad");
  payload = json_node_get_object (vg_journal_entry_get_payload (g_ptr_array_index (injects, 0)));
  g_assert_cmpstr (json_object_get_string_member (payload, "type"), ==, "note");
  g_assert_cmpstr (json_object_get_string_member (payload, "text"), ==, "La préfecture demande un point de situation à 18 h");
  payload = json_node_get_object (vg_journal_entry_get_payload (g_ptr_array_index (injects, 1)));
  g_assert_cmpstr (json_object_get_string_member (payload, "feed"), ==, feed);

  /* The note reaches the operator log; the feed shows failing, with the reason. */
  vg_situation_refresh (f->situation);
  g_assert_cmpuint (g_list_model_get_n_items (log), >, 0);
  last = g_list_model_get_item (log, g_list_model_get_n_items (log) - 1);
  g_assert_cmpstr (vg_log_entry_get_author (last), ==, "Karim Haddad");
  g_assert_cmpstr (vg_log_entry_get_text (last), ==, "La préfecture demande un point de situation à 18 h");
  g_assert_cmpint (vg_feed_health_get_state (vg_picture_ensure_feed (picture, feed, 0)), ==, VG_FEED_STATE_FAILING);
  g_assert_nonnull (strstr (vg_feed_health_get_error_message (vg_picture_ensure_feed (picture, feed, 0)), "coupure du réseau"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/vigie/replay/live-inject/only-the-controller", test_only_the_controller);
  ADD ("/vigie/replay/live-inject/incomplete", test_incomplete_injects);
  ADD ("/vigie/replay/live-inject/note-and-feed-failure", test_note_and_feed_failure);
#undef ADD

  return g_test_run ();
}
