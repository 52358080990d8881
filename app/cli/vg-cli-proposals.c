/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "vg-cli.h"
#include "vg-error.h"
#include "vg-journal.h"
#include "vg-playbook.h"
#include "vg-proposal-queue.h"
#include "vg-roster.h"

/* `vigie-cli proposals` and `vigie-cli decide`: the proposals of a journal, and the same sign-off
 * as the application, one proposal and one signed person at a time. For scripts, exercise
 * drivers and tests; everything goes through VgProposalQueue, so the rules are the UI's. */

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
print_built (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  vg_cli_print_json (root);
}

/* @text as an instant: ISO 8601, local time when it names no zone; the seconds may be left out
 * ("2014-09-29T14:00", "2014-09-29T12:00Z"), which GLib's parser does not accept by itself. */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GString) full = NULL;
  const char *t = strchr (text, 'T');
  GDateTime *time = g_date_time_new_from_iso8601 (text, local);

  if (time != NULL || t == NULL || strlen (t) < 6 || t[6] == ':')
    return time;
  full = g_string_new (text);
  g_string_insert (full, t - text + 6, ":00");
  return g_date_time_new_from_iso8601 (full->str, local);
}

/* The situation clock of a command: the wall clock, or --at for an exercise journal only (a drill
 * replays its own time; a live journal takes the real one). @journal_path must exist. */
static VgClock *
command_clock (const char  *journal_path,
               const char  *at_text,
               int         *status)
{
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(VgJournal) peek = NULL;
  g_autoptr(GError) error = NULL;

  if (at_text == NULL)
    return vg_clock_new_wall ();
  if ((time = parse_time (at_text)) == NULL)
    {
      *status = vg_cli_fail (VG_CLI_EXIT_USAGE, _("“%s” is not an ISO 8601 time (e.g. 2014-09-29T14:00)"), at_text);
      return NULL;
    }
  if ((peek = vg_journal_open (journal_path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error)) == NULL)
    {
      *status = vg_cli_fail_error (error);
      return NULL;
    }
  if (!vg_journal_is_exercise (peek))
    {
      *status = vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s is a live journal: --at is only for exercise journals"), journal_path);
      return NULL;
    }
  return vg_clock_new_manual (time);
}

static gboolean
check_no_arguments (int    argc,
                    char **argv)
{
  if (argc > 1)
    {
      vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), argv[1]);
      return FALSE;
    }
  return TRUE;
}

static char *
local_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
print_proposal_line (VgProposal *proposal)
{
  g_autofree char *deadline = local_time (vg_proposal_get_deadline (proposal));
  g_autofree char *id = g_strdup_printf ("%s v%u", vg_proposal_get_id (proposal), vg_proposal_get_version (proposal));

  g_print ("%s  P%u  %-10s  %-52s  %s", deadline, vg_proposal_get_priority (proposal),
           vg_proposal_state_to_id (vg_proposal_get_state (proposal)), id, vg_proposal_get_title (proposal, NULL));
  if (vg_proposal_get_decided_by (proposal) != NULL)
    g_print (_(" — %s (%s), entry %llu"), vg_proposal_get_decided_by (proposal), vg_proposal_get_decided_role (proposal),
             (unsigned long long) vg_proposal_get_decision_seq (proposal));
  g_print ("\n");
}

static int
proposals_list (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autofree char *journal_path = NULL;
  g_autofree char *state = NULL;
  g_autofree char *only = NULL;
  gboolean json = FALSE;
  VgProposalState wanted = VG_PROPOSAL_PROPOSED;
  guint shown = 0;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_path, N_("The situation journal (required)"), N_("FILE") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("Only proposals in this state (proposed, approved, rejected, amended, done, expired, superseded)"), N_("STATE") },
    { "proposal", 0, 0, G_OPTION_ARG_STRING, &only, N_("Only this proposal"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON: every proposal with its payload, decisions and outputs"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— list a journal’s proposals with their state and decision"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, _("Other commands: vigie-cli proposals evaluate|output|playbooks --help"));
  if (!vg_cli_parse (context, &argc, &argv) || !check_no_arguments (argc, argv))
    return VG_CLI_EXIT_USAGE;
  if (journal_path == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--journal is required"));
  if (state != NULL && !vg_proposal_state_from_id (state, &wanted))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown state “%s”"), state);

  /* Read-only: listing never writes, and still works on a journal kept for forensics. */
  clock = vg_clock_new_wall ();
  if ((journal = vg_journal_open (journal_path, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error)) == NULL ||
      (queue = vg_proposal_queue_new (journal, clock, &error)) == NULL)
    return vg_cli_fail_error (error);
  if (only != NULL)
    {
      g_autoptr(VgProposal) proposal = vg_proposal_queue_lookup (queue, only);

      if (proposal == NULL)
        return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s: no proposal “%s”"), journal_path, only);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "journal", journal_path);
      add_string (builder, "situation", vg_journal_get_situation (journal));
      json_builder_set_member_name (builder, "exercise");
      json_builder_add_boolean_value (builder, vg_journal_is_exercise (journal));
      add_int (builder, "pending", vg_proposal_queue_get_n_pending (queue));
      add_int (builder, "ignored_entries", vg_proposal_queue_get_n_ignored (queue));
      json_builder_set_member_name (builder, "proposals");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
        {
          g_autoptr(VgProposal) proposal = g_list_model_get_item (G_LIST_MODEL (queue), i);

          if ((state != NULL && vg_proposal_get_state (proposal) != wanted) ||
              (only != NULL && !g_str_equal (only, vg_proposal_get_id (proposal))))
            continue;
          json_builder_add_value (builder, vg_proposal_to_json (proposal));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_built (builder);
      return VG_CLI_EXIT_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (queue)); i++)
    {
      g_autoptr(VgProposal) proposal = g_list_model_get_item (G_LIST_MODEL (queue), i);

      if ((state != NULL && vg_proposal_get_state (proposal) != wanted) ||
          (only != NULL && !g_str_equal (only, vg_proposal_get_id (proposal))))
        continue;
      print_proposal_line (proposal);
      shown++;
    }
  if (shown == 0)
    g_print (_("%s: no proposals\n"), journal_path);
  if (vg_proposal_queue_get_n_ignored (queue) > 0)
    g_printerr (_("vigie-cli: %s: %u journal entries about proposals do not count (decisions or outputs written around the rules)\n"),
                journal_path, vg_proposal_queue_get_n_ignored (queue));
  return VG_CLI_EXIT_OK;
}

static int
proposals_evaluate (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autoptr(VgFactSet) facts = NULL;
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autofree char *journal_path = NULL;
  g_autofree char *facts_path = NULL;
  g_autofree char *playbooks_dir = NULL;
  g_autofree char *at_text = NULL;
  gboolean json = FALSE;
  int status = VG_CLI_EXIT_OK;
  VgEvaluationSummary summary;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_path, N_("The situation journal (required; it must exist)"), N_("FILE") },
    { "facts", 0, 0, G_OPTION_ARG_FILENAME, &facts_path, N_("The trigger facts, a vigie-facts/1 JSON file (required)"), N_("FILE") },
    { "playbooks", 0, 0, G_OPTION_ARG_FILENAME, &playbooks_dir, N_("Folder of *.playbook files (default: the bundled ones)"), N_("DIR") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Situation time of an exercise journal (default: now)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— run the playbooks over a set of facts and journal the proposals"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv) || !check_no_arguments (argc, argv))
    return VG_CLI_EXIT_USAGE;
  if (journal_path == NULL || facts_path == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--journal and --facts are required"));
  if (!g_file_test (journal_path, G_FILE_TEST_IS_REGULAR))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s: no such journal (create it with vigie-cli journal note)"), journal_path);

  if ((clock = command_clock (journal_path, at_text, &status)) == NULL)
    return status;
  if ((facts = vg_fact_set_load (facts_path, &error)) == NULL ||
      (playbooks = vg_playbook_load_dir (playbooks_dir, &error)) == NULL ||
      (journal = vg_journal_open (journal_path, clock, VG_JOURNAL_OPEN_DEFAULT, &error)) == NULL ||
      (queue = vg_proposal_queue_new (journal, clock, &error)) == NULL ||
      !vg_proposal_queue_evaluate (queue, playbooks, facts, &summary, &error))
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "journal", journal_path);
      add_int (builder, "proposed", summary.proposed);
      add_int (builder, "updated", summary.updated);
      add_int (builder, "superseded", summary.superseded);
      add_int (builder, "expired", summary.expired);
      add_int (builder, "pending", vg_proposal_queue_get_n_pending (queue));
      json_builder_end_object (builder);
      print_built (builder);
    }
  else
    g_print (_("%s: %u new, %u new versions, %u superseded, %u expired; %u awaiting a decision\n"), journal_path,
             summary.proposed, summary.updated, summary.superseded, summary.expired,
             vg_proposal_queue_get_n_pending (queue));
  return VG_CLI_EXIT_OK;
}

static int
proposals_output (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autoptr(GPtrArray) paths = NULL;
  g_autofree char *journal_path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *out_dir = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_path, N_("The situation journal (required)"), N_("FILE") },
    { "proposal", 0, 0, G_OPTION_ARG_STRING, &id, N_("The approved proposal (required)"), N_("ID") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out_dir, N_("Folder to write the documents into (required)"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— write the documents of an approved proposal (CAP draft, DATEX II, order sheet, task)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv) || !check_no_arguments (argc, argv))
    return VG_CLI_EXIT_USAGE;
  if (journal_path == NULL || id == NULL || out_dir == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--journal, --proposal and --out are required"));
  if (!g_file_test (out_dir, G_FILE_TEST_IS_DIR))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s: not a folder"), out_dir);

  clock = vg_clock_new_wall ();
  if ((journal = vg_journal_open (journal_path, clock, VG_JOURNAL_OPEN_DEFAULT, &error)) == NULL ||
      (queue = vg_proposal_queue_new (journal, clock, &error)) == NULL ||
      !vg_proposal_queue_emit_all (queue, id, out_dir, &paths, &error))
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "journal", journal_path);
      add_string (builder, "proposal", id);
      json_builder_set_member_name (builder, "files");
      json_builder_begin_array (builder);
      for (guint i = 0; i < paths->len; i++)
        json_builder_add_string_value (builder, g_ptr_array_index (paths, i));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_built (builder);
    }
  else
    for (guint i = 0; i < paths->len; i++)
      g_print ("%s\n", (const char *) g_ptr_array_index (paths, i));
  return VG_CLI_EXIT_OK;
}

static int
proposals_playbooks (int    argc,
                     char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autofree char *dir = NULL;
  gboolean json = FALSE;
  g_autoptr(JsonBuilder) builder = NULL;
  GOptionEntry entries[] = {
    { "playbooks", 0, 0, G_OPTION_ARG_FILENAME, &dir, N_("Folder of *.playbook files (default: the bundled ones)"), N_("DIR") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— check the playbooks and list their rules"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv) || !check_no_arguments (argc, argv))
    return VG_CLI_EXIT_USAGE;
  /* The first problem, as FILE:LINE: rule, key, what: what an officer editing a file needs. */
  if ((playbooks = vg_playbook_load_dir (dir, &error)) == NULL)
    return vg_cli_fail_error (error);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "rules");
      json_builder_begin_array (builder);
    }
  for (guint p = 0; p < playbooks->len; p++)
    {
      GPtrArray *rules = vg_playbook_get_rules (g_ptr_array_index (playbooks, p));

      for (guint r = 0; r < rules->len; r++)
        {
          VgRule *rule = g_ptr_array_index (rules, r);
          guint line;
          const char *file = vg_rule_get_file (rule, &line);

          if (builder == NULL)
            {
              g_print ("%-28s v%u  P%u  %-20s  %s%s\n", vg_rule_get_id (rule), vg_rule_get_version (rule),
                       vg_rule_get_priority (rule), vg_action_to_id (vg_rule_get_action (rule)),
                       vg_rule_get_trigger_text (rule), vg_rule_touches_people (rule) ? _("  [validator]") : "");
              continue;
            }
          json_builder_begin_object (builder);
          add_string (builder, "id", vg_rule_get_id (rule));
          add_int (builder, "version", vg_rule_get_version (rule));
          add_string (builder, "hazard", vg_hazard_to_id (vg_rule_get_hazard (rule)));
          add_string (builder, "action", vg_action_to_id (vg_rule_get_action (rule)));
          add_int (builder, "priority", vg_rule_get_priority (rule));
          add_string (builder, "trigger", vg_rule_get_trigger_text (rule));
          json_builder_set_member_name (builder, "touches_people");
          json_builder_add_boolean_value (builder, vg_rule_touches_people (rule));
          add_string (builder, "file", file);
          add_int (builder, "line", line);
          json_builder_end_object (builder);
        }
    }
  if (builder != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_built (builder);
    }
  return VG_CLI_EXIT_OK;
}

static const struct {
  const char   *name;
  VgCliCommand  run;
} subcommands[] = {
  { "evaluate", proposals_evaluate },
  { "output", proposals_output },
  { "playbooks", proposals_playbooks },
};

int
vg_cli_proposals (int    argc,
                  char **argv)
{
  if (argc > 1 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
        if (g_str_equal (argv[1], subcommands[i].name))
          return subcommands[i].run (argc - 1, argv + 1);
      return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown proposals command “%s” (evaluate, output, playbooks; or options to list)"),
                          argv[1]);
    }
  return proposals_list (argc, argv);
}

int
vg_cli_decide (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgProposalQueue) queue = NULL;
  g_autoptr(VgRoster) roster = NULL;
  g_autoptr(VgOperator) operator_ = NULL;
  g_autoptr(VgProposal) proposal = NULL;
  g_autofree char *journal_path = NULL;
  g_autofree char *id = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *role_id = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *roster_path = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *hash = NULL;
  g_auto(GStrv) targets = NULL;
  gboolean approve = FALSE, reject = FALSE, amend = FALSE, done = FALSE, json = FALSE;
  int version = 0;
  int status = VG_CLI_EXIT_OK;
  guint64 seq = 0;
  VgVerdict verdict;
  VgRole role;
  gboolean ok;
  GOptionEntry entries[] = {
    { "journal", 0, 0, G_OPTION_ARG_FILENAME, &journal_path, N_("The situation journal (required)"), N_("FILE") },
    { "proposal", 0, 0, G_OPTION_ARG_STRING, &id, N_("The proposal decided (required)"), N_("ID") },
    { "approve", 0, 0, G_OPTION_ARG_NONE, &approve, N_("Approve it"), NULL },
    { "reject", 0, 0, G_OPTION_ARG_NONE, &reject, N_("Reject it (needs --reason)"), NULL },
    { "amend", 0, 0, G_OPTION_ARG_NONE, &amend, N_("Approve it with changes (needs --reason; --target keeps only those)"), NULL },
    { "done", 0, 0, G_OPTION_ARG_NONE, &done, N_("Report the approved action carried out"), NULL },
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_name, N_("Who signs, as on the roster (required)"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_id, N_("The role they sign in (required): operator, validator, observer, exercise-controller"), N_("ROLE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why (required to reject or amend)"), N_("TEXT") },
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_("The version seen (default: the current one); a newer one refuses the decision"), N_("N") },
    { "target", 0, 0, G_OPTION_ARG_STRING_ARRAY, &targets, N_("With --amend: a target to keep (repeatable)"), N_("ID") },
    { "roster", 0, 0, G_OPTION_ARG_FILENAME, &roster_path, N_("The roster (default: ~/.config/vigie/roster.ini)"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("Situation time of an exercise journal (default: now)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("— sign one decision on one proposal"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vg_cli_parse (context, &argc, &argv) || !check_no_arguments (argc, argv))
    return VG_CLI_EXIT_USAGE;
  if (journal_path == NULL || id == NULL || operator_name == NULL || role_id == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--journal, --proposal, --operator and --role are required"));
  if (approve + reject + amend + done != 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("give exactly one of --approve, --reject, --amend, --done"));
  if (!vg_role_from_id (role_id, &role))
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown role “%s” (operator, validator, observer, exercise-controller)"), role_id);
  if (version < 0)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--version must be positive"));
  if (targets != NULL && !amend)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--target goes with --amend"));
  verdict = approve ? VG_VERDICT_APPROVE : reject ? VG_VERDICT_REJECT : amend ? VG_VERDICT_AMEND : VG_VERDICT_DONE;

  /* Signing in: the name and the role must be on the centre's roster. */
  if (roster_path == NULL)
    roster_path = vg_roster_dup_default_path ();
  if (!g_file_test (roster_path, G_FILE_TEST_EXISTS))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("no roster at %s: copy roster.example from Vigie’s data there, or pass --roster FILE"),
                        roster_path);
  if ((roster = vg_roster_load (roster_path, &error)) == NULL ||
      (operator_ = vg_roster_sign_in (roster, operator_name, role, &error)) == NULL)
    return vg_cli_fail_error (error);
  if (!g_file_test (journal_path, G_FILE_TEST_IS_REGULAR))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s: no such journal"), journal_path);

  if ((clock = command_clock (journal_path, at_text, &status)) == NULL)
    return status;
  if ((journal = vg_journal_open (journal_path, clock, VG_JOURNAL_OPEN_DEFAULT, &error)) == NULL ||
      (queue = vg_proposal_queue_new (journal, clock, &error)) == NULL)
    return vg_cli_fail_error (error);
  if ((proposal = vg_proposal_queue_lookup (queue, id)) == NULL)
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s: no proposal “%s”"), journal_path, id);
  if (version == 0)
    version = vg_proposal_get_version (proposal);

  if (verdict == VG_VERDICT_DONE)
    ok = vg_proposal_queue_mark_done (queue, operator_, id, version, reason, &seq, &error);
  else
    ok = vg_proposal_queue_decide (queue, operator_, id, version, verdict, reason, (const char * const *) targets, &seq,
                                   &error);
  if (!ok)
    return vg_cli_fail_error (error);
  hash = vg_journal_state_dup_last_hash (vg_journal_get_state (journal));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "journal", journal_path);
      add_string (builder, "proposal", id);
      add_int (builder, "version", version);
      add_string (builder, "verdict", vg_verdict_to_id (verdict));
      add_string (builder, "operator", operator_name);
      add_string (builder, "role", vg_role_to_id (role));
      add_string (builder, "state", vg_proposal_state_to_id (vg_proposal_get_state (proposal)));
      add_int (builder, "seq", seq);
      add_string (builder, "hash", hash);
      json_builder_end_object (builder);
      print_built (builder);
    }
  else
    g_print (_("%s: %s v%d %s by %s (%s), journal entry %llu\n"), journal_path, id, version,
             vg_proposal_state_to_id (vg_proposal_get_state (proposal)), operator_name, vg_role_to_id (role),
             (unsigned long long) seq);
  return VG_CLI_EXIT_OK;
}
