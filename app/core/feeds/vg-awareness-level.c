/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-awareness-level"

#include "config.h"

#include <string.h>

#include "vg-awareness-level.h"

static const char * const ids[] = { "unknown", "green", "yellow", "orange", "red" };

const char *
vg_awareness_level_to_id (VgAwarenessLevel level)
{
  g_return_val_if_fail (level <= VG_AWARENESS_RED, NULL);

  return ids[level];
}

gboolean
vg_awareness_level_parse (const char       *value,
                          VgAwarenessLevel *level)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *colour = NULL;
  guint64 number;

  g_return_val_if_fail (level != NULL, FALSE);

  if (value == NULL)
    return FALSE;
  /* "N; colour; severity" per the MeteoAlarm CAP profile; the severity word is informative. */
  parts = g_strsplit (value, ";", 3);
  if (g_strv_length (parts) < 2)
    return FALSE;
  g_strstrip (parts[0]);
  if (!g_ascii_string_to_unsigned (parts[0], 10, VG_AWARENESS_GREEN, VG_AWARENESS_RED, &number, NULL))
    return FALSE;
  colour = g_ascii_strdown (g_strstrip (parts[1]), -1);
  if (!g_str_equal (colour, ids[number]))
    return FALSE;
  *level = number;
  return TRUE;
}
