/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "vg-cli.h"
#include "vg-error.h"
#include "vg-journal.h"

/* `vigie-cli journal verify|show|note`: for operators checking a journal after the event, and
 * for scripts and drills adding to one. */

static gboolean
parse_file_argument (GOptionContext   *context,
                     int              *argc,
                     char           ***argv,
                     const char      **file)
{
  if (!vg_cli_parse (context, argc, argv))
    return FALSE;
  if (*argc < 2)
    {
      vg_cli_fail (VG_CLI_EXIT_USAGE, _("missing FILE (the journal)"));
      return FALSE;
    }
  if (*argc > 2)
    {
      vg_cli_fail (VG_CLI_EXIT_USAGE, _("unexpected argument “%s”"), (*argv)[2]);
      return FALSE;
    }
  *file = (*argv)[1];
  return TRUE;
}

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
add_boolean (JsonBuilder *builder,
             const char  *name,
             gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static void
print_built (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  vg_cli_print_json (root);
}

static int
journal_verify (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last_hash = NULL;
  g_autofree char *reason = NULL;
  const char *file = NULL;
  guint64 n_entries = 0;
  guint64 first_bad = 0;
  gboolean json = FALSE;
  gboolean intact;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — check a journal’s hash chain"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_file_argument (context, &argc, &argv, &file))
    return VG_CLI_EXIT_USAGE;

  intact = vg_journal_verify_file (file, &n_entries, &last_hash, &first_bad, &reason, &error);
  if (!intact && !g_error_matches (error, VG_JOURNAL_ERROR, VG_JOURNAL_ERROR_BROKEN_CHAIN))
    return vg_cli_fail_error (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "file", file);
      add_boolean (builder, "intact", intact);
      add_int (builder, "entries", n_entries);
      add_string (builder, "last_hash", n_entries > 0 ? last_hash : NULL);
      if (!intact)
        {
          add_int (builder, "first_bad_seq", first_bad);
          add_string (builder, "reason", reason);
        }
      json_builder_end_object (builder);
      print_built (builder);
    }
  else if (intact)
    /* The last hash is what an operator copies into the paper log: it proves, later, that no
     * entry was cut off the end. */
    g_print (_("%s: intact, %" PRIu64 " entries, last hash %s\n"), file, n_entries, last_hash);

  return intact ? VG_CLI_EXIT_OK : vg_cli_fail_error (error);
}

static char *
format_time (gint64   usec,
             gboolean local)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) shown = local ? g_date_time_to_local (utc) : g_date_time_ref (utc);

  return g_date_time_format_iso8601 (shown);
}

typedef struct
{
  JsonBuilder *builder;   /* NULL for text output */
} ShowContext;

static gboolean
show_entry_cb (VgJournalEntry *entry,
               gpointer        user_data)
{
  ShowContext *show = user_data;
  g_autofree char *time = format_time (vg_journal_entry_get_time (entry), show->builder == NULL);

  if (show->builder == NULL)
    {
      g_print ("%6" G_GUINT64_FORMAT "  %s  %-16s  %s/%s  %s\n", vg_journal_entry_get_seq (entry), time,
               vg_journal_entry_get_kind_id (entry), vg_journal_entry_get_source (entry),
               vg_journal_entry_get_author (entry), vg_journal_entry_get_payload_text (entry));
    }
  else
    {
      JsonBuilder *builder = show->builder;
      g_autofree char *hash = vg_journal_entry_dup_hash (entry);
      g_autofree char *prev_hash = vg_journal_entry_dup_prev_hash (entry);
      JsonNode *payload = vg_journal_entry_get_payload (entry);

      json_builder_begin_object (builder);
      add_int (builder, "seq", vg_journal_entry_get_seq (entry));
      add_string (builder, "time", time);
      add_int (builder, "time_usec", vg_journal_entry_get_time (entry));
      add_string (builder, "kind", vg_journal_entry_get_kind_id (entry));
      add_string (builder, "source", vg_journal_entry_get_source (entry));
      add_string (builder, "author", vg_journal_entry_get_author (entry));
      json_builder_set_member_name (builder, "payload");
      /* A damaged entry (shown for forensics) may not parse: give its text instead. */
      if (payload != NULL)
        json_builder_add_value (builder, json_node_copy (payload));
      else
        json_builder_add_string_value (builder, vg_journal_entry_get_payload_text (entry));
      add_string (builder, "prev_hash", prev_hash);
      add_string (builder, "hash", hash);
      json_builder_end_object (builder);
    }
  return TRUE;
}

static int
journal_show (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_auto(GStrv) kinds = NULL;
  g_autofree char *since = NULL;
  g_autofree char *author = NULL;
  g_autofree char *text = NULL;
  const char *file = NULL;
  gboolean json = FALSE;
  gboolean read_ok;
  VgJournalFilter filter;
  ShowContext show = { NULL };
  GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kinds, N_("Only entries of this kind (repeatable): observation, decision, operator-note…"), N_("KIND") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only entries journalled at or after this ISO 8601 time (local unless a zone is given)"), N_("TIME") },
    { "author", 0, 0, G_OPTION_ARG_STRING, &author, N_("Only entries by this operator or feed"), N_("NAME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("Only entries whose text contains this (case-insensitive)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — list a journal’s entries in order"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_file_argument (context, &argc, &argv, &file))
    return VG_CLI_EXIT_USAGE;

  vg_journal_filter_init (&filter);
  for (guint i = 0; kinds != NULL && kinds[i] != NULL; i++)
    {
      VgJournalKind kind;

      if (!vg_journal_kind_from_id (kinds[i], &kind))
        return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown kind “%s”"), kinds[i]);
      filter.kinds |= VG_JOURNAL_KIND_MASK (kind);
    }
  if (since != NULL)
    {
      g_autoptr(GDateTime) time = vg_cli_parse_time (since);

      if (time == NULL)
        return vg_cli_fail (VG_CLI_EXIT_USAGE, _("“%s” is not an ISO 8601 time (e.g. 2014-09-29T08:00)"), since);
      filter.since = vg_time_to_usec (time);
    }
  filter.author = author;
  filter.text = text;

  /* Read-only: showing never writes, and still works on a damaged journal, for forensics. */
  if ((journal = vg_journal_open (file, NULL, VG_JOURNAL_OPEN_READ_ONLY, &error)) == NULL)
    return vg_cli_fail_error (error);

  if (json)
    {
      show.builder = builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_string (builder, "file", file);
      add_string (builder, "situation", vg_journal_get_situation (journal));
      add_boolean (builder, "exercise", vg_journal_is_exercise (journal));
      add_boolean (builder, "intact", vg_journal_get_first_bad_seq (journal) == 0);
      json_builder_set_member_name (builder, "entries");
      json_builder_begin_array (builder);
    }
  read_ok = vg_journal_foreach (journal, &filter, show_entry_cb, &show, &error);
  if (json)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      print_built (builder);
    }

  if (!read_ok)
    return vg_cli_fail_error (error);
  if (vg_journal_get_first_bad_seq (journal) != 0)
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s: entry %" PRIu64 " fails verification: %s"),
                        file, vg_journal_get_first_bad_seq (journal), vg_journal_get_broken_reason (journal));
  return VG_CLI_EXIT_OK;
}

static int
journal_note (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgJournal) journal = NULL;
  g_autofree char *operator_name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *situation = NULL;
  g_autofree char *hash = NULL;
  g_auto(GStrv) features = NULL;
  const char *file = NULL;
  gboolean exercise = FALSE;
  gboolean json = FALSE;
  gboolean created = FALSE;
  guint64 seq = 0;
  GOptionEntry entries[] = {
    { "operator", 0, 0, G_OPTION_ARG_STRING, &operator_name, N_("Who writes the note (required)"), N_("NAME") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_("The note (required)"), N_("TEXT") },
    { "feature", 0, 0, G_OPTION_ARG_STRING_ARRAY, &features, N_("Map feature the note is about (repeatable)"), N_("ID") },
    { "situation", 0, 0, G_OPTION_ARG_STRING, &situation, N_("Situation name, if the journal is created (default: the file name)"), N_("NAME") },
    { "exercise", 0, 0, G_OPTION_ARG_NONE, &exercise, N_("The journal is an exercise: create it so, or refuse a live one"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  context = g_option_context_new (_("FILE — add a line to the main courante (creating the journal if needed)"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!parse_file_argument (context, &argc, &argv, &file))
    return VG_CLI_EXIT_USAGE;
  if (operator_name == NULL || text == NULL)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("--operator and --text are required"));

  /* The command line is not the core: the wall clock is the situation clock here. */
  clock = vg_clock_new_wall ();
  if (!g_file_test (file, G_FILE_TEST_EXISTS))
    {
      if (situation == NULL)
        {
          g_autofree char *base = g_path_get_basename (file);
          char *dot = strrchr (base, '.');

          if (dot != NULL && dot != base)
            *dot = '\0';
          situation = g_steal_pointer (&base);
        }
      journal = vg_journal_create (file, clock, situation, exercise, &error);
      created = TRUE;
    }
  else
    journal = vg_journal_open (file, clock, VG_JOURNAL_OPEN_DEFAULT, &error);
  if (journal == NULL)
    return vg_cli_fail_error (error);
  if (exercise && !vg_journal_is_exercise (journal))
    return vg_cli_fail (VG_CLI_EXIT_FAIL, _("%s is a live journal, not an exercise: note not added"), file);

  if (!vg_journal_add_note (journal, operator_name, text, (const char * const *) features, &seq, &error))
    return vg_cli_fail_error (error);
  hash = vg_journal_state_dup_last_hash (vg_journal_get_state (journal));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string (builder, "file", file);
      add_boolean (builder, "created", created);
      add_boolean (builder, "exercise", vg_journal_is_exercise (journal));
      add_int (builder, "seq", seq);
      add_string (builder, "hash", hash);
      json_builder_end_object (builder);
      print_built (builder);
    }
  else
    g_print (_("%s: note %" PRIu64 " recorded%s\n"), file, seq,
             created ? _(" (new journal)") : "");
  return VG_CLI_EXIT_OK;
}

static const struct {
  const char   *name;
  VgCliCommand  run;
  const char   *summary;
} subcommands[] = {
  { "verify", journal_verify, N_("Check a journal’s hash chain") },
  { "show",   journal_show,   N_("List a journal’s entries") },
  { "note",   journal_note,   N_("Add a line to the main courante") },
};

int
vg_cli_journal (int    argc,
                char **argv)
{
  g_autoptr(GString) usage = g_string_new (_("usage: vigie-cli journal COMMAND FILE [OPTION…]; commands:"));

  if (argc > 1)
    for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
      if (g_str_equal (argv[1], subcommands[i].name))
        return subcommands[i].run (argc - 1, argv + 1);

  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    g_string_append_printf (usage, " %s (%s)%s", subcommands[i].name, _(subcommands[i].summary),
                            i + 1 < G_N_ELEMENTS (subcommands) ? "," : "");
  if (argc > 1 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", usage->str);
      return VG_CLI_EXIT_OK;
    }
  if (argc > 1)
    return vg_cli_fail (VG_CLI_EXIT_USAGE, _("unknown journal command “%s”; %s"), argv[1], usage->str);
  return vg_cli_fail (VG_CLI_EXIT_USAGE, "%s", usage->str);
}
