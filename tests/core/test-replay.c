/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <string.h>

#include "vg-data-dir.h"
#include "vg-gauge.h"
#include "vg-incident.h"
#include "vg-log-entry.h"
#include "vg-replay.h"
#include "vg-test-util.h"
#include "vg-warning.h"

typedef struct
{
  char        *dir;
  VgScenario  *scenario;
  VgClock     *clock;
  VgSituation *situation;
  VgReplay    *replay;
} Replay;

static void
replay_open (Replay     *r,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scenarios = vg_data_dir_find_scenarios (&error);
  g_autofree char *path = NULL;
  g_autofree char *journal = NULL;

  g_assert_no_error (error);
  path = g_build_filename (scenarios, id, NULL);
  r->scenario = vg_scenario_load (path, &error);
  g_assert_no_error (error);
  r->dir = vg_test_mkdtemp ();
  journal = g_build_filename (r->dir, "exercise.vigie-journal", NULL);
  r->clock = vg_clock_new_manual (vg_scenario_get_start (r->scenario));
  r->situation = vg_situation_open_or_create (journal, r->clock, id, TRUE, &error);
  g_assert_no_error (error);
  r->replay = vg_replay_new (r->scenario, r->situation, &error);
  g_assert_no_error (error);
}

static char *
replay_close (Replay *r)
{
  g_autofree char *path = g_strdup (vg_journal_get_path (vg_situation_get_journal (r->situation)));
  char *last_hash = NULL;

  g_clear_object (&r->replay);
  g_assert_finalize_object (r->situation);
  g_assert_true (vg_journal_verify_file (path, NULL, &last_hash, NULL, NULL, NULL));
  g_clear_object (&r->clock);
  g_clear_object (&r->scenario);
  vg_test_rmtree (r->dir);
  g_free (r->dir);
  return last_hash;
}

static gint64
at (const char *iso)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (t);
  return vg_time_to_usec (t);
}

static gboolean
red_warning_in_force (VgPicture *picture)
{
  GListModel *warnings = vg_picture_get_warnings (picture);

  for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(VgWarning) w = g_list_model_get_item (warnings, i);

      if (vg_warning_get_awareness_level (w) == VG_AWARENESS_RED)
        return TRUE;
    }
  return FALSE;
}

/* The Lez flood of 29 September 2014, replayed through the live ingestion: the Montpellier
 * gauge goes red in the evening, Météo-France's red warning is in force, the controller's
 * incident and notes arrive, and a gauge outage shows as a failing feed. */
static void
test_lez_2014 (void)
{
  g_autoptr(GError) error = NULL;
  Replay r = { 0 };
  VgPicture *picture;
  VgGauge *montpellier;
  VgFeedHealth *hubeau;
  g_autofree char *hash = NULL;

  replay_open (&r, "lez-2014-09");
  picture = vg_situation_get_picture (r.situation);
  montpellier = vg_picture_lookup_gauge (picture, "Y320403001");
  g_assert_nonnull (montpellier);

  g_assert_true (vg_replay_advance_to (r.replay, at ("2014-09-29T06:00:00Z"), &error));
  g_assert_no_error (error);
  g_assert_cmpint (vg_gauge_get_level (montpellier), <, VG_GAUGE_LEVEL_RED);
  g_assert_false (red_warning_in_force (picture));

  /* During the controller's one-hour gauge outage (15:10–16:10 UTC). */
  g_assert_true (vg_replay_advance_to (r.replay, at ("2014-09-29T15:30:00Z"), &error));
  hubeau = vg_picture_ensure_feed (picture, "hubeau-lez", 0);
  g_assert_cmpint (vg_feed_health_get_state (hubeau), ==, VG_FEED_STATE_FAILING);

  g_assert_true (vg_replay_advance_to (r.replay, at ("2014-09-29T18:00:00Z"), &error));
  g_assert_cmpint (vg_gauge_get_level (montpellier), ==, VG_GAUGE_LEVEL_RED);
  g_assert_true (red_warning_in_force (picture));
  g_assert_cmpint (vg_feed_health_get_state (hubeau), ==, VG_FEED_STATE_OK);
  g_assert_cmpuint (g_list_model_get_n_items (vg_picture_get_incidents (picture)), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vg_situation_get_log (r.situation)), >=, 1);

  g_assert_true (vg_replay_run_to_end (r.replay, &error));
  g_assert_true (vg_replay_is_finished (r.replay));
  g_assert_cmpuint (vg_replay_get_n_played (r.replay), ==, vg_scenario_get_n_events (r.scenario));
  g_assert_cmpuint (vg_replay_get_n_failed (r.replay), ==, 0);
  g_assert_true (vg_situation_is_exercise (r.situation));
  hash = replay_close (&r);
  g_assert_nonnull (hash);
}

/* The June 2019 heatwave: forecasts arrive daily and the red canicule warning is in force on
 * 28 June. */
static void
test_heatwave_2019 (void)
{
  g_autoptr(GError) error = NULL;
  Replay r = { 0 };
  VgPicture *picture;
  g_autofree char *hash = NULL;

  replay_open (&r, "heatwave-2019-06");
  picture = vg_situation_get_picture (r.situation);
  g_assert_null (vg_picture_get_forecast (picture));
  g_assert_true (vg_replay_advance_to (r.replay, at ("2019-06-28T12:00:00Z"), &error));
  g_assert_no_error (error);
  g_assert_nonnull (vg_picture_get_forecast (picture));
  g_assert_cmpuint (vg_forecast_get_n_steps (vg_picture_get_forecast (picture)), >=, 24 * 5);
  g_assert_true (red_warning_in_force (picture));
  g_assert_true (vg_replay_run_to_end (r.replay, &error));
  g_assert_cmpuint (vg_replay_get_n_failed (r.replay), ==, 0);
  hash = replay_close (&r);
}

/* Deterministic: the same scenario replayed twice gives byte-identical journal chains. */
static void
test_deterministic (void)
{
  static const char * const scenarios[] = { "lez-2014-09", "heatwave-2019-06" };

  /* Every bundled scenario, twice: the same last hash, so the same journal. */
  for (guint i = 0; i < G_N_ELEMENTS (scenarios); i++)
    {
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;
      Replay r = { 0 };

      replay_open (&r, scenarios[i]);
      g_assert_true (vg_replay_run_to_end (r.replay, NULL));
      first = replay_close (&r);
      memset (&r, 0, sizeof r);
      replay_open (&r, scenarios[i]);
      g_assert_true (vg_replay_run_to_end (r.replay, NULL));
      second = replay_close (&r);
      g_assert_nonnull (first);
      g_assert_cmpstr (first, ==, second);
    }
}

/* A feed that brings reconstructed payloads says so in its name, wherever the name is shown (the
 * layers panel, popovers, the review); a feed of real records does not. */
static void
test_reconstructed_feeds_labelled (void)
{
  Replay r = { 0 };
  guint labelled = 0;

  replay_open (&r, "lez-2014-09");
  for (guint i = 0; i < vg_scenario_get_n_feeds (r.scenario); i++)
    {
      const char *id = vg_scenario_get_feed_id (r.scenario, i);
      const char *label = vg_situation_get_feed_label (r.situation, id);
      gboolean reconstructed = FALSE;

      for (guint e = 0; e < vg_scenario_get_n_events (r.scenario); e++)
        {
          VgScenarioEvent *event = vg_scenario_get_event (r.scenario, e);

          reconstructed |= vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_PAYLOAD &&
                           g_strcmp0 (vg_scenario_event_get_feed_id (event), id) == 0 &&
                           vg_scenario_event_is_reconstructed (event);
        }
      g_assert_true ((strstr (label, "RECONSTITUÉES") != NULL) == reconstructed);
      labelled += reconstructed;
    }
  /* The Lez readings are reconstructed from daily means. */
  g_assert_cmpuint (labelled, >, 0);
  g_free (replay_close (&r));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vigie/replay/lez-2014", test_lez_2014);
  g_test_add_func ("/vigie/replay/heatwave-2019", test_heatwave_2019);
  g_test_add_func ("/vigie/replay/deterministic", test_deterministic);
  g_test_add_func ("/vigie/replay/reconstructed-feeds-labelled", test_reconstructed_feeds_labelled);

  return g_test_run ();
}
