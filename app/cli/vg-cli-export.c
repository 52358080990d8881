/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "vg-bundle.h"
#include "vg-cli.h"
#include "vg-error.h"
#include "vg-exporter.h"
#include "vg-journal.h"

/* `vigie-cli export`: what the crisis centre hands over after an event (or an exercise), in
 * open formats; `vigie-cli export verify`: what whoever receives a bundle runs first. */

/* The session's language if it is French, else English: the two the report is written in. */
static const char *
default_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "fr") ? "fr" : "en";
}

/* --kind values: timeline groups ("decisions") or journal kinds ("decision"), repeatable and
 * comma-separated. */
static gboolean
parse_kinds (GStrv             values,
             VgTimelineFilter *filter)
{
  guint groups = 0;
  guint64 kinds = 0;

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (values[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          const char *id = g_strstrip (parts[j]);
          VgTimelineGroup group;
          VgJournalKind kind;

          if (*id == '\0')
            continue;
          if (vg_timeline_group_from_id (id, &group))
            groups |= VG_TIMELINE_GROUP_MASK (group);
          else if (vg_journal_kind_from_id (id, &kind))
            kinds |= VG_JOURNAL_KIND_MASK (kind);
          else
            {
              vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown kind “%s” (a group: observations, warnings, projections, "
                                                "proposals, decisions, notes, feed-health, injects, incidents, other; "
                                                "or a journal kind: observation, decision, operator-note…)"), id);
              return FALSE;
            }
        }
    }
  /* Groups and kinds given together: an entry of either passes (a group counting as its kinds). */
  if (groups != 0 && kinds != 0)
    {
      kinds |= vg_timeline_group_get_kinds (groups);
      groups = 0;
    }
  vg_timeline_filter_set_groups (filter, groups);
  vg_timeline_filter_set_kinds (filter, kinds);
  return TRUE;
}

static gboolean
parse_instant (const char  *text,
               const char  *option,
               gint64      *usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return TRUE;
  if ((time = vg_cli_parse_time (text)) == NULL)
    {
      vg_cli_fail (VG_CLI_EXIT_USAGE, _("%s: “%s” is not an ISO 8601 time (e.g. 2014-09-29T08:00)"), option, text);
      return FALSE;
    }
  *usec = vg_time_to_usec (time);
  return TRUE;
}

static int
export_verify (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) report = NULL;
  gboolean json = FALSE;
  gboolean intact;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print every check as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("BUNDLE — check an export bundle: every file’s SHA-256 and the journal’s hash chain"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc != 2)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, argc < 2 ? _("missing BUNDLE (the bundle folder)")
                                                    : _("unexpected argument after BUNDLE"));

  intact = vg_bundle_verify (argv[1], &report, &error);
  if (json && report != NULL)
    vg_cli_print_json (report);
  if (!intact)
    return vg_cli_fail_error (error);
  if (!json)
    {
      JsonObject *object = json_node_get_object (report);
      JsonObject *journal = json_object_get_object_member (object, "journal");

      g_print (_("%s: intact, %u files match the manifest, journal of %" PRId64 " entries verified (last hash %s)\n"),
               argv[1], json_array_get_length (json_object_get_array_member (object, "files")),
               json_object_get_int_member (journal, "entries"), json_object_get_string_member (journal, "last_hash"));
    }
  return VG_CLI_EXIT_OK;
}

static int
export_run (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgExporter) exporter = NULL;
  g_autoptr(VgTimelineFilter) filter = vg_timeline_filter_new ();
  g_autofree char *journal_path = NULL;
  g_autofree char *format_id = NULL;
  g_autofree char *out = NULL;
  g_autofree char *language = NULL;
  g_autofree char *since = NULL;
  g_autofree char *until = NULL;
  g_autofree char *source = NULL;
  g_autofree char *author = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) kinds = NULL;
  gboolean json = FALSE;
  VgExportFormat format;
  gint64 since_usec = G_MININT64, until_usec = G_MAXINT64;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_path, N_("The situation journal to export (required)"), N_("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_id, N_("csv, json, geojson, gpkg, cap (a folder), pdf or bundle (a folder) (required)"), N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("File to write (replaced), or folder to create (required)"), N_("PATH") },
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kinds, N_("Only entries of this group or kind (repeatable): decisions, notes, observation…"), N_("KIND") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only entries journalled at or after this ISO 8601 time (local unless a zone is given)"), N_("TIME") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_("Only entries journalled at or before this ISO 8601 time"), N_("TIME") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, N_("Only entries from this source (a feed, a module)"), N_("NAME") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Only entries by this operator or feed"), N_("NAME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Only entries containing this text (case-insensitive)"), N_("TEXT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &language, N_("Language of the report and summaries: fr or en (default: the session’s if French, else en)"), N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— export a journal in open formats (see also: vigie-cli export verify BUNDLE)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv))
    return VG_CLI_EXIT_USAGE;
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
  if (journal_path == NULL || format_id == NULL || out == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--journal, --format and --out are required"));
  if (!vg_export_format_from_id (format_id, &format))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown format “%s” (csv, json, geojson, gpkg, cap, pdf, bundle)"), format_id);
  if (language != NULL && !g_str_equal (language, "fr") && !g_str_equal (language, "en"))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--lang: “%s” is not fr or en"), language);
  if (!parse_kinds (kinds, filter) || !parse_instant (since, "--since", &since_usec) ||
      !parse_instant (until, "--until", &until_usec))
    return VG_CLI_EXIT_USAGE;
  vg_timeline_filter_set_period (filter, since_usec, until_usec);
  vg_timeline_filter_set_source (filter, source);
  vg_timeline_filter_set_author (filter, author);
  vg_timeline_filter_set_text (filter, text);
  if (format == VG_EXPORT_BUNDLE && !vg_timeline_filter_is_empty (filter))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("a bundle holds the whole journal: --kind, --since, --until, --source, "
                                             "--author and --text do not apply to it"));

  /* Read-only: exporting never writes to the journal, and works on evidence handed over on a
   * read-only medium. A journal that does not verify is refused by the exporter. */
  if ((journal = vg_journal_open (journal_path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error)) == NULL)
    return vg_cli_fail_error (error);
  exporter = vg_exporter_new (journal, format);
  vg_exporter_set_filter (exporter, filter);
  vg_exporter_set_language (exporter, language != NULL ? language : default_language ());
  if (!vg_exporter_run (exporter, out, NULL, &error))
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "out");
      json_builder_add_string_value (builder, out);
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, vg_export_format_to_id (format));
      json_builder_set_member_name (builder, "entries");
      json_builder_add_int_value (builder, vg_exporter_get_n_entries (exporter));
      json_builder_set_member_name (builder, "filters");
      json_builder_add_value (builder, vg_timeline_filter_to_json (filter));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      vg_cli_print_json (root);
    }
  else
    g_print (_("%s: %" PRIu64 " entries exported (%s)\n"), out, vg_exporter_get_n_entries (exporter),
             vg_export_format_to_id (format));
  return VG_CLI_EXIT_OK;
}

int
vg_cli_export (int    argc,
               char **argv)
{
  if (argc > 1 && g_str_equal (argv[1], "verify"))
    return export_verify (argc - 1, argv + 1);
  return export_run (argc, argv);
}
