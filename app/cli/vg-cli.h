/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Exit codes of vigie-cli: 0 success, 1 bad input or failed check, 2 usage error. */
#define VG_CLI_EXIT_OK    0
#define VG_CLI_EXIT_FAIL  1
#define VG_CLI_EXIT_USAGE 2

/* A subcommand: parses its own arguments (argv[0] is the subcommand name). */
typedef int (*VgCliCommand) (int argc, char **argv);

/* Prints "vigie-cli: MESSAGE" as one line on stderr and returns @code. */
int  vg_cli_fail        (int          code,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);
/* Prints @error's message as one line (newlines folded) and returns VG_CLI_EXIT_FAIL. */
int  vg_cli_fail_error  (const GError *error);
/* Parses @argc/@argv with @context; on error prints it and returns FALSE. */
gboolean vg_cli_parse   (GOptionContext *context,
                         int            *argc,
                         char         ***argv);
/* Writes @node as pretty JSON and a newline on stdout. */
void vg_cli_print_json  (JsonNode    *node);
/* @text as an instant: ISO 8601, in local time when it names no zone; minutes or a bare date
 * are enough ("2014-09-29T08:00", "2014-09-29"). NULL if it is none; unref when done. */
GDateTime *vg_cli_parse_time (const char *text);

/* `vigie-cli journal verify|show|note`: checks, lists or adds to a situation journal. */
int  vg_cli_journal     (int          argc,
                         char       **argv);
/* `vigie-cli incident add`: records an incident reported to the crisis centre, signed. */
int  vg_cli_incident    (int          argc,
                         char       **argv);
/* `vigie-cli heat`: heat-stress indices of one air state, and heat risk from a forecast. */
int  vg_cli_heat        (int          argc,
                         char       **argv);
/* `vigie-cli parse KIND FILE`: the normalised records of a feed payload. */
int  vg_cli_parse_feed  (int          argc,
                         char       **argv);
/* `vigie-cli replay SCENARIO_DIR --journal OUT`: a scenario replayed headless. */
int  vg_cli_replay      (int          argc,
                         char       **argv);
/* `vigie-cli flood`: envelope libraries, exposure to flood envelopes, projections. */
int  vg_cli_flood       (int          argc,
                         char       **argv);
/* `vigie-cli sites`: the sensitive sites. */
int  vg_cli_sites       (int          argc,
                         char       **argv);
/* `vigie-cli scenario validate|list`: checks and lists training scenarios. */
int  vg_cli_scenario    (int          argc,
                         char       **argv);
/* `vigie-cli export`: the timeline, features, CAP archive, report or bundle of a journal;
 * `vigie-cli export verify`: checks a bundle. */
int  vg_cli_export      (int          argc,
                         char       **argv);
/* `vigie-cli proposals [evaluate|output|playbooks]`: lists, generates and outputs proposals. */
int  vg_cli_proposals   (int          argc,
                         char       **argv);
/* `vigie-cli decide`: one signed decision on one proposal, by the UI's rules. */
int  vg_cli_decide      (int          argc,
                         char       **argv);
/* `vigie-cli tile`: renders one offline basemap tile to PNG. */
int  vg_cli_tile        (int          argc,
                         char       **argv);

G_END_DECLS
