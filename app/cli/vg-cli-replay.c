/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vg-cli.h"
#include "vg-decision-script.h"
#include "vg-gauge.h"
#include "vg-replay.h"
#include "vg-warning.h"

static const char *
level_name (VgGaugeLevel level)
{
  switch (level)
    {
    case VG_GAUGE_LEVEL_NORMAL: return "normal";
    case VG_GAUGE_LEVEL_YELLOW: return "yellow";
    case VG_GAUGE_LEVEL_ORANGE: return "orange";
    case VG_GAUGE_LEVEL_RED: return "red";
    case VG_GAUGE_LEVEL_UNKNOWN:
    default: return "unknown";
    }
}

/* The highest stage each gauge reached, and when: what a replay summary is read for. */
static void
add_gauge_peaks (JsonBuilder *builder,
                 VgPicture   *picture)
{
  GListModel *gauges = vg_picture_get_gauges (picture);

  json_builder_set_member_name (builder, "gauges");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (gauges); i++)
    {
      g_autoptr(VgGauge) gauge = g_list_model_get_item (gauges, i);
      const VgGaugeSample *readings;
      guint n, peak = 0;
      g_autoptr(GDateTime) when = NULL;
      g_autofree char *when_text = NULL;

      readings = vg_gauge_get_readings (gauge, FALSE, &n);
      if (n == 0)
        continue;
      for (guint k = 1; k < n; k++)
        if (readings[k].value > readings[peak].value)
          peak = k;
      when = vg_time_new_from_usec (readings[peak].time);
      when_text = g_date_time_format_iso8601 (when);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, vg_gauge_get_code (gauge));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, vg_gauge_get_name (gauge));
      json_builder_set_member_name (builder, "peak_stage_m");
      json_builder_add_double_value (builder, readings[peak].value);
      json_builder_set_member_name (builder, "peak_at");
      json_builder_add_string_value (builder, when_text);
      json_builder_set_member_name (builder, "level_now");
      json_builder_add_string_value (builder, level_name (vg_gauge_get_level (gauge)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* Entries of the kinds a replay summary counts. */
typedef struct
{
  guint64 projections;
  guint64 proposals;
  guint64 decisions;
} KindCounts;

static gboolean
count_entry_cb (VgJournalEntry *entry,
                gpointer        user_data)
{
  KindCounts *counts = user_data;
  VgJournalKind kind = vg_journal_entry_get_kind (entry);

  /* The filter lets only these three through. */
  if (kind == VG_JOURNAL_KIND_PROJECTION)
    counts->projections++;
  else if (kind == VG_JOURNAL_KIND_PROPOSAL)
    counts->proposals++;
  else
    counts->decisions++;
  return TRUE;
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Journal entries by kind, proposals by state at the end, and what became of each scripted
 * decision (@script may be NULL). */
static gboolean
add_counts (JsonBuilder       *builder,
            VgSituation       *situation,
            VgDecisionScript  *script,
            GError           **error)
{
  GListModel *proposals = G_LIST_MODEL (vg_situation_get_proposals (situation));
  guint by_state[VG_N_PROPOSAL_STATES] = { 0 };
  KindCounts counts = { 0 };
  VgJournalFilter filter;

  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_PROJECTION) | VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_PROPOSAL) |
                 VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_DECISION);
  if (!vg_journal_foreach (vg_situation_get_journal (situation), &filter, count_entry_cb, &counts, error))
    return FALSE;
  add_int (builder, "projection_entries", counts.projections);
  add_int (builder, "proposal_entries", counts.proposals);
  add_int (builder, "decision_entries", counts.decisions);
  add_int (builder, "proposals", g_list_model_get_n_items (proposals));

  for (guint i = 0; i < g_list_model_get_n_items (proposals); i++)
    {
      g_autoptr(VgProposal) proposal = g_list_model_get_item (proposals, i);

      by_state[vg_proposal_get_state (proposal)]++;
    }
  json_builder_set_member_name (builder, "proposals_by_state");
  json_builder_begin_object (builder);
  for (guint k = 0; k < VG_N_PROPOSAL_STATES; k++)
    add_int (builder, vg_proposal_state_to_id (k), by_state[k]);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "scripted_decisions");
  json_builder_begin_array (builder);
  for (guint i = 0; script != NULL && i < vg_decision_script_get_n (script); i++)
    {
      const char *message = NULL;
      VgScriptedOutcome outcome = vg_decision_script_get_outcome (script, i, &message);

      json_builder_begin_object (builder);
      add_int (builder, "index", i);
      json_builder_set_member_name (builder, "outcome");
      json_builder_add_string_value (builder, vg_scripted_outcome_to_id (outcome));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static void
print_text (JsonObject *o,
            const char *scenario_id,
            const char *journal)
{
  JsonArray *gauges = json_object_get_array_member (o, "gauges");
  JsonObject *by_state = json_object_get_object_member (o, "proposals_by_state");
  JsonArray *scripted = json_object_get_array_member (o, "scripted_decisions");
  g_autoptr(GList) states = json_object_get_members (by_state);

  g_print (_("%s replayed into %s: %" PRId64 " events, %" PRId64 " journal entries (last hash %s)\n"),
           scenario_id, journal, json_object_get_int_member (o, "events"), json_object_get_int_member (o, "entries"),
           json_object_get_string_member (o, "last_hash"));
  g_print (_("  %" PRId64 " projections, %" PRId64 " proposals (%" PRId64 " proposal entries), "
             "%" PRId64 " decisions\n"),
           json_object_get_int_member (o, "projection_entries"), json_object_get_int_member (o, "proposals"),
           json_object_get_int_member (o, "proposal_entries"), json_object_get_int_member (o, "decision_entries"));
  g_print (_("  at the end: %" PRId64 " open incidents, %" PRId64 " warnings received; proposals:"),
           json_object_get_int_member (o, "open_incidents"), json_object_get_int_member (o, "warnings_received"));
  for (GList *l = states; l != NULL; l = l->next)
    g_print (" %s %" G_GINT64_FORMAT, (const char *) l->data, json_object_get_int_member (by_state, l->data));
  g_print ("\n");
  for (guint i = 0; i < json_array_get_length (scripted); i++)
    {
      JsonObject *d = json_array_get_object_element (scripted, i);

      g_print (_("  decision %" PRId64 ": %s — %s\n"), json_object_get_int_member (d, "index"),
               json_object_get_string_member (d, "outcome"), json_object_get_string_member (d, "message"));
    }
  for (guint i = 0; i < json_array_get_length (gauges); i++)
    {
      JsonObject *g = json_array_get_object_element (gauges, i);

      g_print (_("  %-34s peak %.2f m at %s\n"), json_object_get_string_member (g, "name"),
               json_object_get_double_member (g, "peak_stage_m"), json_object_get_string_member (g, "peak_at"));
    }
}

int
vg_cli_replay (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = NULL;
  g_autoptr(VgDecisionScript) script = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgSituation) situation = NULL;
  g_autoptr(VgHazardModels) models = NULL;
  g_autoptr(VgReplay) replay = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) warning_keys = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *speed = NULL;
  g_autofree char *decisions = NULL;
  g_autofree char *last_hash = NULL;
  gboolean json = FALSE;
  guint64 n_entries = 0;
  guint not_taken = 0;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal, N_("Exercise journal to create (required; must not exist)"), N_("FILE") },
    { "speed", 0, 0, G_OPTION_ARG_STRING, &speed, N_("“max” (as fast as possible, the default) — headless replays always run at full speed"), N_("SPEED") },
    { "decisions", 0, 0, G_OPTION_ARG_FILENAME, &decisions, N_("Scripted decisions to take during the replay (JSON, see below)"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("SCENARIO_DIR — replay a training scenario headless into an exercise journal"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _(
    "A decisions file is a JSON object {\"format\": \"vigie-decisions/1\", \"decisions\": […]}; each decision is an\n"
    "object with \"proposal\" (a proposal id, or a pattern with * and ?), \"verdict\" (approve, reject or amend),\n"
    "\"operator\" (the name signed), \"role\" (operator, validator, observer or exercise-controller), \"reason\"\n"
    "(required to reject or amend), optionally \"kept_targets\" (an amendment's targets kept) and \"at\" (a\n"
    "scenario time, ISO 8601 with an offset). A decision with \"at\" is taken at that time on the first pending\n"
    "proposal that matches; one without, as soon as a matching proposal is pending. Each is taken once, by the\n"
    "application's rules (a role that may not decide is refused). The exit status is 1 if one was refused or\n"
    "never matched."));
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc != 2)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("expected one scenario folder"));
  if (journal == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--journal FILE is required"));
  if (speed != NULL && !g_str_equal (speed, "max"))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--speed: only “max” is supported headless (the app replays at 1× to 3600×)"));
  if (g_file_test (journal, G_FILE_TEST_EXISTS))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s already exists: an exercise journal is never reused"), journal);

  /* Everything is checked before the journal is created: a bad file leaves nothing behind. */
  if ((scenario = vg_scenario_load (argv[1], &error)) == NULL)
    return vg_cli_fail_error (error);
  if (decisions != NULL &&
      ((script = vg_decision_script_load (decisions, &error)) == NULL ||
       !vg_decision_script_check_span (script, vg_time_to_usec (vg_scenario_get_start (scenario)),
                                       vg_time_to_usec (vg_scenario_get_end (scenario)), &error)))
    return vg_cli_fail_error (error);

  /* The app's projections too (flood outlooks, heat), so a headless replay journals what the
   * app would. */
  clock = vg_clock_new_manual (vg_scenario_get_start (scenario));
  situation = vg_situation_open_or_create (journal, clock, vg_scenario_get_title (scenario, "fr"), TRUE, &error);
  if (situation == NULL ||
      (models = vg_hazard_models_load_bundled (&error)) == NULL ||
      !vg_situation_set_hazard_models (situation, models, &error) ||
      (replay = vg_replay_new (scenario, situation, &error)) == NULL ||
      (script != NULL && !vg_replay_set_decisions (replay, script, &error)) ||
      !vg_replay_run_to_end (replay, &error))
    return vg_cli_fail_error (error);

  g_clear_object (&replay);
  g_clear_object (&situation);
  if (!vg_journal_verify_file (journal, &n_entries, &last_hash, NULL, NULL, &error))
    return vg_cli_fail_error (error);

  /* The summary is rebuilt from the journal alone, as a review would. */
  situation = vg_situation_open_or_create (journal, clock, "", TRUE, &error);
  if (situation == NULL)
    return vg_cli_fail_error (error);
  warning_keys = vg_warning_history_dup_keys (vg_picture_get_warning_history (vg_situation_get_picture (situation)));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, vg_scenario_get_id (scenario));
  json_builder_set_member_name (builder, "journal");
  json_builder_add_string_value (builder, journal);
  add_int (builder, "events", vg_scenario_get_n_events (scenario));
  add_int (builder, "entries", n_entries);
  json_builder_set_member_name (builder, "last_hash");
  json_builder_add_string_value (builder, last_hash);
  if (!add_counts (builder, situation, script, &error))
    return vg_cli_fail_error (error);
  add_int (builder, "warnings_received", warning_keys->len);
  add_int (builder, "open_incidents", g_list_model_get_n_items (vg_picture_get_incidents (vg_situation_get_picture (situation))));
  add_int (builder, "log_entries", g_list_model_get_n_items (vg_situation_get_log (situation)));
  add_gauge_peaks (builder, vg_situation_get_picture (situation));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  if (json)
    vg_cli_print_json (root);
  else
    print_text (json_node_get_object (root), vg_scenario_get_id (scenario), journal);

  /* A script that did not play as written is a failed drill run: said once per decision. */
  for (guint i = 0; script != NULL && i < vg_decision_script_get_n (script); i++)
    {
      const char *message = NULL;
      VgScriptedOutcome outcome = vg_decision_script_get_outcome (script, i, &message);

      if (outcome == VG_SCRIPTED_TAKEN)
        continue;
      not_taken++;
      g_printerr (_("vigie-cli: %s: decisions[%u]: %s: %s\n"), decisions, i, vg_scripted_outcome_to_id (outcome), message);
    }
  return not_taken > 0 ? VG_CLI_EXIT_FAIL : VG_CLI_EXIT_OK;
}
