/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vg-cli.h"
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

int
vg_cli_replay (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgSituation) situation = NULL;
  g_autoptr(VgHazardModels) models = NULL;
  g_autoptr(VgReplay) replay = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *speed = NULL;
  g_autofree char *last_hash = NULL;
  gboolean json = FALSE;
  guint64 n_entries = 0;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal, N_("Exercise journal to create (required; must not exist)"), N_("FILE") },
    { "speed", 0, 0, G_OPTION_ARG_STRING, &speed, N_("“max” (as fast as possible, the default) — headless replays always run at full speed"), N_("SPEED") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("SCENARIO_DIR — replay a training scenario headless into an exercise journal"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
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

  /* The app's projections too (flood outlooks, heat), so a headless replay journals what the
   * app would. */
  if ((scenario = vg_scenario_load (argv[1], &error)) == NULL)
    return vg_cli_fail_error (error);
  clock = vg_clock_new_manual (vg_scenario_get_start (scenario));
  situation = vg_situation_open_or_create (journal, clock, vg_scenario_get_title (scenario, "fr"), TRUE, &error);
  if (situation == NULL ||
      (models = vg_hazard_models_load_bundled (&error)) == NULL ||
      !vg_situation_set_hazard_models (situation, models, &error) ||
      (replay = vg_replay_new (scenario, situation, &error)) == NULL ||
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

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scenario");
  json_builder_add_string_value (builder, vg_scenario_get_id (scenario));
  json_builder_set_member_name (builder, "journal");
  json_builder_add_string_value (builder, journal);
  json_builder_set_member_name (builder, "events");
  json_builder_add_int_value (builder, vg_scenario_get_n_events (scenario));
  json_builder_set_member_name (builder, "entries");
  json_builder_add_int_value (builder, n_entries);
  json_builder_set_member_name (builder, "last_hash");
  json_builder_add_string_value (builder, last_hash);
  json_builder_set_member_name (builder, "warnings_received");
  json_builder_add_int_value (builder, vg_warning_history_dup_keys (vg_picture_get_warning_history (vg_situation_get_picture (situation)))->len);
  json_builder_set_member_name (builder, "open_incidents");
  json_builder_add_int_value (builder, g_list_model_get_n_items (vg_picture_get_incidents (vg_situation_get_picture (situation))));
  json_builder_set_member_name (builder, "log_entries");
  json_builder_add_int_value (builder, g_list_model_get_n_items (vg_situation_get_log (situation)));
  add_gauge_peaks (builder, vg_situation_get_picture (situation));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  if (json)
    vg_cli_print_json (root);
  else
    {
      JsonObject *o = json_node_get_object (root);
      JsonArray *gauges = json_object_get_array_member (o, "gauges");

      g_print (_("%s replayed into %s: %" G_GINT64_FORMAT " events, %" G_GUINT64_FORMAT " journal entries (last hash %s)\n"),
               vg_scenario_get_id (scenario), journal, json_object_get_int_member (o, "events"), n_entries, last_hash);
      for (guint i = 0; i < json_array_get_length (gauges); i++)
        {
          JsonObject *g = json_array_get_object_element (gauges, i);

          g_print ("  %-34s peak %.2f m at %s\n", json_object_get_string_member (g, "name"),
                   json_object_get_double_member (g, "peak_stage_m"), json_object_get_string_member (g, "peak_at"));
        }
    }
  return VG_CLI_EXIT_OK;
}
