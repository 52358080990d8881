/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "vg-cli.h"
#include "vg-situation.h"

/* A --lat/--lon value: a finite decimal number, nothing after it. */
static gboolean
parse_coordinate (const char *text,
                  double     *value)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*value);
}

static int
incident_add (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autofree char *file = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  g_autofree char *severity_id = NULL;
  g_autofree char *kind_id = NULL;
  g_autofree char *lat_text = NULL;
  g_autofree char *lon_text = NULL;
  g_autofree char *id = NULL;
  gboolean json = FALSE;
  VgOperatorIncident incident = { VG_INCIDENT_OTHER, VG_SEVERITY_UNKNOWN, NULL, NULL, NAN, NAN };
  guint64 seq = 0;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("The situation journal (required; it must exist)"), N_("FILE") },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_name, N_("Who records the incident (required)"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("What happened, in a few words (required)"), N_("TEXT") },
    { "lat", 0, 0, G_OPTION_ARG_STRING, &lat_text, N_("Latitude, WGS84 decimal degrees (required)"), N_("DEGREES") },
    { "lon", 0, 0, G_OPTION_ARG_STRING, &lon_text, N_("Longitude, WGS84 decimal degrees (required)"), N_("DEGREES") },
    { "severity", 0, 0, G_OPTION_ARG_STRING, &severity_id, N_("minor, moderate, severe or extreme (default: unknown)"), N_("SEVERITY") },
    { "type", 0, 0, G_OPTION_ARG_STRING, &kind_id, N_("accident, closure, roadworks, obstruction, congestion, regulation, hazard, emergency or other (default)"), N_("TYPE") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("More detail"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— record an incident reported to the crisis centre"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (file == NULL || operator_name == NULL || title == NULL || lat_text == NULL || lon_text == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--journal, --operator, --title, --lat and --lon are required"));
  if (!parse_coordinate (lat_text, &incident.latitude))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--lat “%s” is not a number"), lat_text);
  if (!parse_coordinate (lon_text, &incident.longitude))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--lon “%s” is not a number"), lon_text);
  if (severity_id != NULL && !vg_severity_from_id (severity_id, &incident.severity))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown severity “%s” (minor, moderate, severe, extreme)"), severity_id);
  if (kind_id != NULL && !vg_incident_kind_from_id (kind_id, &incident.kind))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown incident type “%s”"), kind_id);
  incident.title = title;
  incident.description = description;

  /* The command line is not the core: the wall clock is the situation clock here. An incident
   * goes into an existing situation; a typo in the path must not start a new one. */
  if (!g_file_test (file, G_FILE_TEST_EXISTS))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s: no such journal"), file);
  clock = vg_clock_new_wall ();
  journal = vg_journal_open (file, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
  if (journal == NULL)
    return vg_cli_fail_error (error);
  if (!vg_situation_journal_incident (journal, operator_name, &incident, &id, &seq, &error))
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "file");
      json_builder_add_string_value (builder, file);
      json_builder_set_member_name (builder, "incident");
      json_builder_add_string_value (builder, id);
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, seq);
      json_builder_set_member_name (builder, "severity");
      json_builder_add_string_value (builder, vg_severity_to_id (incident.severity));
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, vg_incident_kind_to_id (incident.kind));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      vg_cli_print_json (root);
    }
  else
    g_print (_("%s: incident %s recorded (entry %" G_GUINT64_FORMAT ")\n"), file, id, seq);
  return VG_CLI_EXIT_OK;
}

int
vg_cli_incident (int    argc,
                 char **argv)
{
  const char *usage = _("usage: vigie-cli incident add --journal FILE --operator NAME --title TEXT --lat DEG --lon DEG "
                        "[--severity S] [--type T] [--description TEXT] [--json]");

  if (argc > 1 && g_str_equal (argv[1], "add"))
    return incident_add (argc - 1, argv + 1);
  if (argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", usage);
      return VG_CLI_EXIT_OK;
    }
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown incident command “%s”; %s"), argv[1], usage);
  return vg_cli_fail (VG_CLI_EXIT_USAGE, "%s", usage);
}
