/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vigie-cli"

#include "config.h"

#include <stdio.h>

#include "vg-cli.h"

static void
print_one_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("vigie-cli: %s\n", line);
}

int
vg_cli_fail (int         code,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  print_one_line (message);
  return code;
}

int
vg_cli_fail_error (const GError *error)
{
  print_one_line (error->message);
  return VG_CLI_EXIT_FAIL;
}

gboolean
vg_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      print_one_line (error->message);
      return FALSE;
    }
  return TRUE;
}

void
vg_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

GDateTime *
vg_cli_parse_time (const char *text)
{
  static const char *completions[] = { "", ":00", "T00:00:00" };
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  for (guint i = 0; i < G_N_ELEMENTS (completions); i++)
    {
      g_autofree char *full = g_strconcat (text, completions[i], NULL);
      GDateTime *time = g_date_time_new_from_iso8601 (full, local);

      if (time != NULL)
        return time;
    }
  return NULL;
}
