/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-cli.h"
#include "vg-clock.h"
#include "vg-data-dir.h"
#include "vg-scenario.h"

/* The language scenario texts are printed in: the session's first. */
static const char *
language (void)
{
  return g_get_language_names ()[0];
}

static char *
format_time (GDateTime *time)
{
  return g_date_time_format_iso8601 (time);
}

static guint
count_feed_payloads (VgScenario *scenario,
                     const char *feed_id)
{
  guint n = 0;

  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    {
      VgScenarioEvent *event = vg_scenario_get_event (scenario, i);

      if (vg_scenario_event_get_kind (event) == VG_SCENARIO_EVENT_PAYLOAD &&
          g_str_equal (vg_scenario_event_get_feed_id (event), feed_id))
        n++;
    }
  return n;
}

static guint
count_injects (VgScenario           *scenario,
               VgScenarioInjectType  type)
{
  guint n = 0;

  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    if (vg_scenario_event_get_inject_type (vg_scenario_get_event (scenario, i)) == type)
      n++;
  return n;
}

static guint
count_reconstructed (VgScenario *scenario)
{
  guint n = 0;

  for (guint i = 0; i < vg_scenario_get_n_events (scenario); i++)
    if (vg_scenario_event_is_reconstructed (vg_scenario_get_event (scenario, i)))
      n++;
  return n;
}

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *fr,
          const char  *en)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fr");
  json_builder_add_string_value (builder, fr);
  json_builder_set_member_name (builder, "en");
  json_builder_add_string_value (builder, en);
  json_builder_end_object (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* The summary of a valid scenario as a JSON object (inside @builder). */
static void
build_summary (JsonBuilder *builder,
               VgScenario  *scenario)
{
  g_autofree char *start = format_time (vg_scenario_get_start (scenario));
  g_autofree char *end = format_time (vg_scenario_get_end (scenario));
  guint n = vg_scenario_get_n_events (scenario);

  json_builder_begin_object (builder);
  add_string (builder, "id", vg_scenario_get_id (scenario));
  add_string (builder, "path", vg_scenario_get_dir (scenario));
  add_text (builder, "title", vg_scenario_get_title (scenario, "fr"), vg_scenario_get_title (scenario, "en"));
  add_text (builder, "description", vg_scenario_get_description (scenario, "fr"),
            vg_scenario_get_description (scenario, "en"));
  add_string (builder, "start", start);
  add_string (builder, "end", end);
  add_string (builder, "timezone", vg_scenario_get_timezone (scenario));
  json_builder_set_member_name (builder, "feeds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vg_scenario_get_n_feeds (scenario); i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", vg_scenario_get_feed_id (scenario, i));
      add_string (builder, "kind", vg_scenario_feed_kind_to_string (vg_scenario_get_feed_kind (scenario, i)));
      add_text (builder, "label", vg_scenario_get_feed_label (scenario, i, "fr"),
                vg_scenario_get_feed_label (scenario, i, "en"));
      add_int (builder, "payloads", count_feed_payloads (scenario, vg_scenario_get_feed_id (scenario, i)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  add_int (builder, "events", n);
  add_int (builder, "payloads", vg_scenario_count_events (scenario, VG_SCENARIO_EVENT_PAYLOAD));
  json_builder_set_member_name (builder, "injects");
  json_builder_begin_object (builder);
  add_int (builder, "total", vg_scenario_count_events (scenario, VG_SCENARIO_EVENT_INJECT));
  for (VgScenarioInjectType type = VG_SCENARIO_INJECT_INCIDENT; type <= VG_SCENARIO_INJECT_NOTE; type++)
    add_int (builder, vg_scenario_inject_type_to_string (type), count_injects (scenario, type));
  json_builder_end_object (builder);
  if (n > 0)
    {
      g_autofree char *first = format_time (vg_scenario_event_get_time (vg_scenario_get_event (scenario, 0)));
      g_autofree char *last = format_time (vg_scenario_event_get_time (vg_scenario_get_event (scenario, n - 1)));

      add_string (builder, "first_event", first);
      add_string (builder, "last_event", last);
    }
  add_int (builder, "reconstructed", count_reconstructed (scenario));
  json_builder_end_object (builder);
}

static void
print_summary (VgScenario *scenario)
{
  const char *lang = language ();
  g_autofree char *start = format_time (vg_scenario_get_start (scenario));
  g_autofree char *end = format_time (vg_scenario_get_end (scenario));
  g_autoptr(GString) feeds = g_string_new (NULL);
  g_autoptr(GString) injects = g_string_new (NULL);
  GTimeSpan span = g_date_time_difference (vg_scenario_get_end (scenario), vg_scenario_get_start (scenario));
  guint n = vg_scenario_get_n_events (scenario);

  for (guint i = 0; i < vg_scenario_get_n_feeds (scenario); i++)
    {
      guint payloads = count_feed_payloads (scenario, vg_scenario_get_feed_id (scenario, i));

      g_string_append_printf (feeds, "%s%s (%s, ", i ? ", " : "", vg_scenario_get_feed_id (scenario, i),
                              vg_scenario_feed_kind_to_string (vg_scenario_get_feed_kind (scenario, i)));
      g_string_append_printf (feeds, ngettext ("%u payload)", "%u payloads)", payloads), payloads);
    }
  for (VgScenarioInjectType type = VG_SCENARIO_INJECT_INCIDENT; type <= VG_SCENARIO_INJECT_NOTE; type++)
    if (count_injects (scenario, type) > 0)
      g_string_append_printf (injects, "%s%u %s", injects->len ? ", " : "", count_injects (scenario, type),
                              vg_scenario_inject_type_to_string (type));

  g_print (_("%s: valid\n"), vg_scenario_get_id (scenario));
  g_print ("  %-14s %s\n", _("title"), vg_scenario_get_title (scenario, lang));
  g_print ("  %-14s %s – %s (%.1f h, %s)\n", _("span"), start, end, (double) span / G_TIME_SPAN_HOUR,
           vg_scenario_get_timezone (scenario));
  g_print ("  %-14s %s\n", _("feeds"), feeds->str);
  g_print ("  %-14s %u (%s)\n", _("injects"), vg_scenario_count_events (scenario, VG_SCENARIO_EVENT_INJECT),
           injects->str);
  if (n > 0)
    {
      g_autofree char *first = format_time (vg_scenario_event_get_time (vg_scenario_get_event (scenario, 0)));
      g_autofree char *last = format_time (vg_scenario_event_get_time (vg_scenario_get_event (scenario, n - 1)));

      g_print ("  %-14s %u, %s … %s\n", _("events"), n, first, last);
    }
  g_print ("  %-14s ", _("reconstructed"));
  g_print (_("%u of %u events\n"), count_reconstructed (scenario), n);
}

static int
scenario_validate (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgScenario) scenario = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("SCENARIO_DIR — check a scenario folder and summarise it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc != 2)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("expected one SCENARIO_DIR (see vigie-cli scenario validate --help)"));

  if ((scenario = vg_scenario_load (argv[1], &error)) == NULL)
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      build_summary (builder, scenario);
      root = json_builder_get_root (builder);
      vg_cli_print_json (root);
    }
  else
    print_summary (scenario);
  return VG_CLI_EXIT_OK;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static int
scenario_list (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GDir) folder = NULL;
  g_autofree char *dir = NULL;
  const char *name;
  gboolean json = FALSE;
  guint invalid = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("Folder of scenarios (default: the bundled ones)"), N_("DIR") },
    { NULL }
  };

  context = g_option_context_new (_("— list the training scenarios"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (dir == NULL && (dir = vg_data_dir_find_scenarios (&error)) == NULL)
    return vg_cli_fail_error (error);
  if ((folder = g_dir_open (dir, 0, &error)) == NULL)
    return vg_cli_fail_error (error);

  /* A scenario is a sub-folder with a manifest.json; listed by folder name, sorted. */
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *manifest = g_build_filename (dir, name, "manifest.json", NULL);

      if (g_file_test (manifest, G_FILE_TEST_EXISTS))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  if (json)
    {
      json_builder_begin_object (builder);
      add_string (builder, "dir", dir);
      json_builder_set_member_name (builder, "scenarios");
      json_builder_begin_array (builder);
    }
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autoptr(GError) load_error = NULL;
      g_autoptr(VgScenario) scenario = vg_scenario_load (path, &load_error);

      if (scenario == NULL)
        {
          /* Listed all the same (with its error), so one broken folder hides no other. */
          invalid++;
          vg_cli_fail_error (load_error);
          if (json)
            {
              json_builder_begin_object (builder);
              add_string (builder, "path", path);
              add_string (builder, "error", load_error->message);
              json_builder_end_object (builder);
            }
          continue;
        }
      if (json)
        build_summary (builder, scenario);
      else
        {
          g_autofree char *start = format_time (vg_scenario_get_start (scenario));
          g_autofree char *end = format_time (vg_scenario_get_end (scenario));

          g_print ("%-20s %s – %s  %s\n", vg_scenario_get_id (scenario), start, end,
                   vg_scenario_get_title (scenario, language ()));
        }
    }
  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      vg_cli_print_json (root);
    }
  return invalid > 0 ? VG_CLI_EXIT_FAIL : VG_CLI_EXIT_OK;
}

int
vg_cli_scenario (int    argc,
                 char **argv)
{
  static const char usage[] = N_("Usage: vigie-cli scenario validate SCENARIO_DIR [--json]\n"
                                 "       vigie-cli scenario list [--dir DIR] [--json]");

  if (argc > 1 && g_str_equal (argv[1], "validate"))
    return scenario_validate (argc - 1, argv + 1);
  if (argc > 1 && g_str_equal (argv[1], "list"))
    return scenario_list (argc - 1, argv + 1);
  if (argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _(usage));
      return VG_CLI_EXIT_OK;
    }
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown scenario command “%s” (validate, list)"), argv[1]);
  g_printerr ("%s\n", _(usage));
  return VG_CLI_EXIT_USAGE;
}
