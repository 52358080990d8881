/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "vg-cli.h"

static const struct {
  const char   *name;
  VgCliCommand  run;
  const char   *summary;
} commands[] = {
  { "journal", vg_cli_journal, N_("Verify, show or add to a situation journal") },
  { "export", vg_cli_export, N_("Export a journal (timeline, maps, CAP, report, bundle) or verify a bundle") },
  { "proposals", vg_cli_proposals, N_("List, generate (from facts) or output the proposed actions") },
  { "decide", vg_cli_decide, N_("Approve, reject, amend or mark done one proposal, signed") },
  { "incident", vg_cli_incident, N_("Record an incident reported to the crisis centre, signed") },
  { "heat",  vg_cli_heat,  N_("Heat-stress indices, and heat risk per district from a forecast") },
  { "replay", vg_cli_replay, N_("Replay a training scenario headless into an exercise journal") },
  { "scenario", vg_cli_scenario, N_("Validate or list the training scenarios") },
  { "parse", vg_cli_parse_feed, N_("Print the normalised records of a feed payload") },
  { "flood", vg_cli_flood, N_("Flood envelopes: build a library, exposure at a level, projections") },
  { "sites", vg_cli_sites, N_("List the sensitive sites (schools, care homes, shelters…)") },
  { "tile",  vg_cli_tile,  N_("Render one offline basemap tile to PNG") },
};

static char *
describe_commands (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-10s %s", commands[i].name, _(commands[i].summary));
  g_string_append_printf (text, "\n\n%s", _("Run “vigie-cli COMMAND --help” for a command’s options."));
  return g_string_free (text, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *description = NULL;
  gboolean version = FALSE;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* A subcommand parses its own options, so look it up before the global parser runs. */
  if (argc > 1 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (g_str_equal (argv[1], commands[i].name))
          return commands[i].run (argc - 1, argv + 1);
      return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown command “%s” (see vigie-cli --help)"), argv[1]);
    }

  context = g_option_context_new (_("COMMAND [OPTION…] — Vigie, crisis-centre decision support"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  description = describe_commands ();
  g_option_context_set_description (context, description);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;

  if (version)
    {
      g_print ("vigie-cli %s\n", PACKAGE_VERSION);
      return VG_CLI_EXIT_OK;
    }

  {
    g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

    g_printerr ("%s", help);
  }
  return VG_CLI_EXIT_USAGE;
}
