/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 *
 * The projector on the bundled scenarios replayed through the real ingestion: flood outlooks
 * and gauge thresholds from the Lez 2014 readings, heat levels from the June 2019 forecast, each
 * journalled once, read back by the review's threshold ledger.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vg-data-dir.h"
#include "vg-replay.h"
#include "vg-test-util.h"
#include "vg-threshold-ledger.h"

static VgHazardModels *models;

typedef struct
{
  char        *dir;
  char        *path;
  VgClock     *clock;
  VgSituation *situation;
} Run;

/* Replays scenario @id to its end into a new journal, projecting with the bundled models. */
static void
run_replay (Run        *r,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *scenarios = vg_data_dir_find_scenarios (&error);
  g_autofree char *folder = NULL;
  g_autoptr(VgScenario) scenario = NULL;
  g_autoptr(VgReplay) replay = NULL;

  g_assert_no_error (error);
  folder = g_build_filename (scenarios, id, NULL);
  scenario = vg_scenario_load (folder, &error);
  g_assert_no_error (error);
  r->dir = vg_test_mkdtemp ();
  r->path = g_build_filename (r->dir, "exercise.vigie-journal", NULL);
  r->clock = vg_clock_new_manual (vg_scenario_get_start (scenario));
  r->situation = vg_situation_open_or_create (r->path, r->clock, id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_set_hazard_models (r->situation, models, &error));
  g_assert_no_error (error);
  replay = vg_replay_new (scenario, r->situation, &error);
  g_assert_no_error (error);
  g_assert_true (vg_replay_run_to_end (replay, &error));
  g_assert_no_error (error);
}

static void
run_finish (Run *r)
{
  g_clear_object (&r->situation);
  g_assert_true (vg_journal_verify_file (r->path, NULL, NULL, NULL, NULL, NULL));
  g_clear_object (&r->clock);
  vg_test_rmtree (r->dir);
  g_clear_pointer (&r->dir, g_free);
  g_clear_pointer (&r->path, g_free);
}

static gboolean
collect_cb (VgJournalEntry *entry,
            gpointer        user_data)
{
  g_ptr_array_add (user_data, vg_journal_entry_ref (entry));
  return TRUE;
}

/* Every entry of @kind in @journal. */
static GPtrArray *
entries_of (VgJournal     *journal,
            VgJournalKind  kind)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  VgJournalFilter filter;
  g_autoptr(GError) error = NULL;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (kind);
  g_assert_true (vg_journal_foreach (journal, &filter, collect_cb, entries, &error));
  g_assert_no_error (error);
  return entries;
}

static gboolean
has_string (VgJournalEntry *entry,
            const char     *member,
            const char     *value)
{
  g_autofree char *text = vg_journal_entry_dup_string (entry, member);

  return g_strcmp0 (text, value) == 0;
}

/* The earliest water-level reading of @sensor at or above @threshold after @after (µs), from
 * the journal's observation entries alone: its time, and in @journalled when its entry was
 * journalled; -1 if none. */
static gint64
first_reading_at_or_above (GPtrArray  *observations,
                           const char *sensor,
                           double      threshold,
                           gint64      after,
                           gint64     *journalled)
{
  gint64 first = -1;

  for (guint i = 0; i < observations->len; i++)
    {
      VgJournalEntry *e = g_ptr_array_index (observations, i);
      g_autofree char *time = vg_journal_entry_dup_string (e, "time");
      g_autoptr(GDateTime) t = NULL;
      double value;

      if (!has_string (e, "sensor", sensor) || !has_string (e, "quantity", "water_level") ||
          !vg_journal_entry_get_double (e, "value", &value) || value < threshold)
        continue;
      t = g_date_time_new_from_iso8601 (time, NULL);
      if (vg_time_to_usec (t) > after && (first < 0 || vg_time_to_usec (t) < first))
        {
          first = vg_time_to_usec (t);
          *journalled = vg_journal_entry_get_time (e);
        }
    }
  return first;
}

static void
test_flood_replay (void)
{
  Run r = { 0 };
  g_autoptr(GPtrArray) projections = NULL, observations = NULL;
  VgProjector *projector;
  guint outlooks = 0, observed = 0, forecast = 0, with_geometry = 0;

  run_replay (&r, "lez-2014-09");
  projector = vg_situation_get_projector (r.situation);
  /* Both library gauges of the Lez are fed by the scenario's stations; the Mosson is not. */
  g_assert_cmpuint (g_list_model_get_n_items (vg_projector_get_flood (projector)), ==, 2);
  g_assert_nonnull (vg_projector_lookup_flood (projector, "Y321002001"));
  g_assert_nonnull (vg_projector_lookup_flood (projector, "Y321002101"));
  g_assert_null (vg_projector_lookup_flood (projector, "Y314001001"));

  projections = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_PROJECTION);
  observations = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_OBSERVATION);
  for (guint i = 0; i < projections->len; i++)
    {
      VgJournalEntry *e = g_ptr_array_index (projections, i);
      g_autofree char *gauge = vg_journal_entry_dup_string (e, "gauge");
      gboolean is_forecast = FALSE;
      double t;

      if (has_string (e, "type", "flood-outlook"))
        {
          g_autofree char *text = g_strdup (vg_journal_entry_get_payload_text (e));

          outlooks++;
          with_geometry += strstr (text, "\"geometry\":{") != NULL;
          continue;
        }
      g_assert_true (has_string (e, "type", "flood-threshold"));
      g_assert_true (vg_journal_entry_get_boolean (e, "forecast", &is_forecast));
      g_assert_true (vg_journal_entry_get_double (e, "threshold_value", &t));
      if (!is_forecast)
        {
          g_autofree char *at = vg_journal_entry_dup_string (e, "observed_at");
          g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (at, NULL);
          gint64 episode_start = G_MININT64;
          gint64 ep, journalled = -1;

          observed++;
          /* The second flood (6–7 October) is a second episode: look after 1 October. */
          g_assert_true (vg_journal_entry_get_int (e, "episode", &ep));
          if (ep == 2)
            {
              g_autoptr(GDateTime) october = g_date_time_new_from_iso8601 ("2014-10-01T00:00:00Z", NULL);

              episode_start = vg_time_to_usec (october);
            }
          g_assert_cmpint (vg_time_to_usec (when), ==,
                           first_reading_at_or_above (observations, gauge, t, episode_start, &journalled));
          /* Journalled when the reading arrived, not later. */
          g_assert_cmpint (vg_journal_entry_get_time (e), ==, journalled);
        }
      else
        forecast++;
    }
  /* One per threshold (2, 3, 4 m) reached at each Lez gauge in each flood, counted from the
   * observations alone (29 September: all three at both; 7 October: all but red at Montpellier). */
  {
    static const char * const sensors[] = { "Y320403001", "Y320404001" };
    static const double thresholds[] = { 2.0, 3.0, 4.0 };
    g_autoptr(GDateTime) first_october = g_date_time_new_from_iso8601 ("2014-10-01T00:00:00Z", NULL);
    gint64 october = vg_time_to_usec (first_october);
    guint reached = 0;

    for (guint s = 0; s < G_N_ELEMENTS (sensors); s++)
      for (guint k = 0; k < G_N_ELEMENTS (thresholds); k++)
        {
          gint64 journalled, first = first_reading_at_or_above (observations, sensors[s], thresholds[k], G_MININT64, &journalled);

          reached += first >= 0 && first < october;
          reached += first_reading_at_or_above (observations, sensors[s], thresholds[k], october, &journalled) >= 0;
        }
    g_assert_cmpuint (reached, ==, 11);
    g_assert_cmpuint (observed, ==, reached);
  }
  g_assert_cmpuint (forecast, >, 0);
  g_assert_cmpuint (outlooks, >=, 4);
  g_assert_cmpuint (with_geometry, >, 0);
  run_finish (&r);
}

static void
test_reopen_journals_nothing_twice (void)
{
  Run r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VgSituation) again = NULL;
  g_autoptr(GPtrArray) before = NULL, after = NULL;

  run_replay (&r, "lez-2014-09");
  before = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_PROJECTION);
  g_clear_object (&r.situation);

  again = vg_situation_open_or_create (r.path, r.clock, "", TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_situation_set_hazard_models (again, models, &error));
  g_assert_no_error (error);
  /* The outlooks are back for the views... */
  g_assert_cmpuint (g_list_model_get_n_items (vg_projector_get_flood (vg_situation_get_projector (again))), ==, 2);
  /* ...but nothing new was journalled. */
  after = entries_of (vg_situation_get_journal (again), VG_JOURNAL_KIND_PROJECTION);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_object (&again);
  run_finish (&r);
}

static void
test_threshold_ledger (void)
{
  Run r = { 0 };
  g_autoptr(VgThresholdLedger) ledger = vg_threshold_ledger_new ();
  g_autoptr(GPtrArray) projections = NULL;
  GListModel *records;
  gboolean found = FALSE;

  run_replay (&r, "lez-2014-09");
  projections = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_PROJECTION);
  for (guint i = 0; i < projections->len; i++)
    vg_threshold_ledger_add (ledger, g_ptr_array_index (projections, i));
  records = vg_threshold_ledger_get_thresholds (ledger);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(VgThresholdRecord) record = g_list_model_get_item (records, i);
      gint64 lead;

      if (g_strcmp0 (vg_threshold_record_get_subject (record), "Y320404001") != 0 ||
          !g_str_has_prefix (vg_threshold_record_get_threshold (record), "red"))
        continue;
      found = TRUE;
      /* Lattes' red threshold was forecast by the trend before it was observed. */
      g_assert_cmpuint (vg_threshold_record_get_first_forecast_seq (record), >, 0);
      g_assert_cmpuint (vg_threshold_record_get_first_observed_seq (record), >, 0);
      g_assert_true (vg_threshold_record_get_lead_time (record, &lead));
      g_assert_cmpint (lead, >, 0);
      g_assert_cmpfloat (vg_threshold_record_get_observed_value (record), >=, 4.0);
    }
  g_assert_true (found);
  run_finish (&r);
}

static void
test_heat_replay (void)
{
  Run r = { 0 };
  g_autoptr(GPtrArray) projections = NULL;
  VgHeatOutlook *heat;
  VgHeatRisk *risk;
  VgHeatDistricts *districts;
  guint outlooks = 0, levels = 0, expected = 0;

  run_replay (&r, "heatwave-2019-06");
  heat = vg_projector_get_heat (vg_situation_get_projector (r.situation));
  g_assert_nonnull (heat);
  g_assert_null (vg_projector_get_problem (vg_situation_get_projector (r.situation)));
  risk = vg_heat_outlook_get_risk (heat);
  districts = vg_heat_risk_get_districts (risk);
  /* The June 2019 heatwave reaches level 2 or more somewhere. */
  g_assert_cmpuint (vg_heat_outlook_get_peak (heat, NULL, NULL), >=, 2);
  g_assert_cmpuint (vg_heat_outlook_get_exposed (heat)->len, >, 0);

  projections = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_PROJECTION);
  for (guint i = 0; i < projections->len; i++)
    {
      VgJournalEntry *e = g_ptr_array_index (projections, i);
      g_autofree char *district = NULL, *level = NULL;
      gboolean reached = FALSE;
      int index = -1;

      if (has_string (e, "type", "heat-outlook"))
        {
          g_assert_true (strstr (vg_journal_entry_get_payload_text (e), "\"official\":false") != NULL);
          outlooks++;
          continue;
        }
      g_assert_true (has_string (e, "type", "heat-threshold"));
      levels++;
      district = vg_journal_entry_dup_string (e, "district");
      level = vg_journal_entry_dup_string (e, "heat_level");
      for (guint d = 0; d < vg_heat_districts_get_n_districts (districts); d++)
        if (g_str_equal (vg_heat_districts_get_id (districts, d), district))
          index = d;
      g_assert_cmpint (index, >=, 0);
      /* The level journalled is reached by that district on some day of the latest forecast
       * or of an earlier one: every forecast of the scenario is a new outlook. */
      for (guint day = 0; day < vg_heat_risk_get_n_days (risk); day++)
        reached |= g_str_equal (vg_heat_risk_level_to_id (vg_heat_risk_get_day (risk, index, day)->level), level) ||
                   vg_heat_risk_get_day (risk, index, day)->level >= 2;
      g_assert_true (reached);
    }
  /* At least as many (district, level ≥ 2) pairs as the latest forecast reaches. */
  for (guint d = 0; d < vg_heat_districts_get_n_districts (districts); d++)
    {
      guint peak = vg_heat_risk_get_peak_level (risk, d);

      expected += peak >= 2 ? peak - 1 : 0;
    }
  g_assert_cmpuint (outlooks, >=, 1);
  g_assert_cmpuint (levels, >=, expected);
  run_finish (&r);
}

static void
test_read_only_journals_nothing (void)
{
  Run r = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VgProjector) projector = NULL;
  g_autoptr(GPtrArray) before = NULL, after = NULL;

  run_replay (&r, "lez-2014-09");
  before = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_PROJECTION);
  /* A projector that must not record, over a fresh picture of the same readings. */
  projector = vg_projector_new (models, vg_situation_get_journal (r.situation), FALSE, &error);
  g_assert_no_error (error);
  g_assert_true (vg_projector_update (projector, vg_situation_get_picture (r.situation), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (vg_projector_get_flood (projector)), ==, 2);
  after = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_PROJECTION);
  g_assert_cmpuint (after->len, ==, before->len);
  g_clear_object (&projector);
  run_finish (&r);
}

/* The projections reach the playbooks: proposals are journalled, each evacuation names a site
 * that an envelope of the Lez library does reach, and nothing is decided or emitted by itself. */
static void
test_proposals_from_projections (void)
{
  Run r = { 0 };
  VgProposalQueue *queue;
  VgFloodExposureIndex *index = vg_hazard_models_get_flood_index (models);
  GListModel *sites = vg_hazard_models_get_sites (models);
  g_autoptr(GPtrArray) decisions = NULL, outputs = NULL;
  guint evacuations = 0;

  run_replay (&r, "lez-2014-09");
  queue = vg_situation_get_proposals (r.situation);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (queue)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(VgProposal) proposal = g_list_model_get_item (G_LIST_MODEL (queue), i);
      GListModel *targets = vg_proposal_get_targets (proposal);

      g_assert_cmpstr (vg_proposal_get_hazard (proposal), ==, "flood");
      g_assert_null (vg_proposal_get_decided_by (proposal));
      if (g_strcmp0 (vg_proposal_get_rule_id (proposal), "flood-evacuate-vulnerable") != 0)
        continue;
      evacuations++;
      g_assert_cmpuint (g_list_model_get_n_items (targets), ==, 1);
      {
        g_autoptr(VgProposalTarget) target = g_list_model_get_item (targets, 0);
        gboolean reached = FALSE;

        for (guint s = 0; s < g_list_model_get_n_items (sites); s++)
          {
            g_autoptr(VgSite) site = g_list_model_get_item (sites, s);
            guint n;

            if (!g_str_equal (vg_site_get_id (site), vg_proposal_target_get_id (target)))
              continue;
            /* Reached by some envelope of one of the two Lez gauges. */
            reached = vg_flood_exposure_index_get_first_levels (index, "Y321002101", VG_FLOOD_ASSET_SITE, &n)[s] != 255 ||
                      vg_flood_exposure_index_get_first_levels (index, "Y321002001", VG_FLOOD_ASSET_SITE, &n)[s] != 255;
          }
        g_assert_true (reached);
      }
    }
  g_assert_cmpuint (evacuations, >, 0);
  decisions = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_DECISION);
  outputs = entries_of (vg_situation_get_journal (r.situation), VG_JOURNAL_KIND_OUTPUT);
  g_assert_cmpuint (decisions->len, ==, 0);
  g_assert_cmpuint (outputs->len, ==, 0);
  run_finish (&r);
}

static gboolean
proposal_targets (VgProposalQueue *queue,
                  const char      *id,
                  const char      *name)
{
  g_autoptr(VgProposal) proposal = vg_proposal_queue_lookup (queue, id);
  GListModel *targets;

  g_assert_nonnull (proposal);
  targets = vg_proposal_get_targets (proposal);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(VgProposalTarget) target = g_list_model_get_item (targets, i);

      if (g_strcmp0 (vg_proposal_target_get_name (target), name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The key proposals of each bundled scenario: closing the streets along the Lez in Montpellier
 * in 2014, opening cooling centres in 2019 (only at sites of the shelter category). */
static void
test_key_proposals (void)
{
  Run lez = { 0 }, heat = { 0 };
  g_autoptr(VgProposal) cooling = NULL;
  GListModel *targets;

  run_replay (&lez, "lez-2014-09");
  g_assert_true (proposal_targets (vg_situation_get_proposals (lez.situation), "flood-close-roads/Y320403001", "Quai de Cythère"));
  g_assert_true (proposal_targets (vg_situation_get_proposals (lez.situation), "flood-close-roads/Y320403001", "Avenue de la Pompignane"));
  g_assert_true (proposal_targets (vg_situation_get_proposals (lez.situation), "flood-close-roads/Y320403001", "Avenue du Pont Trinquat"));
  run_finish (&lez);

  run_replay (&heat, "heatwave-2019-06");
  cooling = vg_proposal_queue_lookup (vg_situation_get_proposals (heat.situation), "heat-open-cooling-centres");
  g_assert_nonnull (cooling);
  g_assert_cmpstr (vg_proposal_get_hazard (cooling), ==, "heat");
  targets = vg_proposal_get_targets (cooling);
  g_assert_cmpuint (g_list_model_get_n_items (targets), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(VgProposalTarget) target = g_list_model_get_item (targets, i);

      g_assert_cmpstr (vg_proposal_target_get_category (target), ==, "shelter");
    }
  run_finish (&heat);
}

static void
test_gauge_pairing (void)
{
  /* A Hub'Eau station resolves to the library gauge of its site's legacy code. */
  g_assert_cmpstr (vg_hazard_models_resolve_gauge (models, "Y320403001"), ==, "Y321002101");
  g_assert_cmpstr (vg_hazard_models_resolve_gauge (models, "Y320404001"), ==, "Y321002001");
  g_assert_cmpstr (vg_hazard_models_resolve_gauge (models, "Y321002101"), ==, "Y321002101");
  g_assert_null (vg_hazard_models_resolve_gauge (models, "Y320401001"));   /* Montferrier: no envelopes */
  g_assert_null (vg_hazard_models_resolve_gauge (models, "Y3204"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  models = vg_hazard_models_load_bundled (&error);
  g_assert_no_error (error);

  g_test_add_func ("/vigie/projector/gauge-pairing", test_gauge_pairing);
  g_test_add_func ("/vigie/projector/flood-replay", test_flood_replay);
  g_test_add_func ("/vigie/projector/reopen", test_reopen_journals_nothing_twice);
  g_test_add_func ("/vigie/projector/threshold-ledger", test_threshold_ledger);
  g_test_add_func ("/vigie/projector/heat-replay", test_heat_replay);
  g_test_add_func ("/vigie/projector/read-only", test_read_only_journals_nothing);
  g_test_add_func ("/vigie/projector/proposals", test_proposals_from_projections);
  g_test_add_func ("/vigie/projector/key-proposals", test_key_proposals);

  status = g_test_run ();
  g_clear_object (&models);
  return status;
}
