/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-severity"

#include "config.h"

#include "vg-severity.h"

static const struct {
  const char *id;
  const char *cap;
} severities[VG_N_SEVERITIES] = {
  [VG_SEVERITY_UNKNOWN]  = { "unknown",  "Unknown" },
  [VG_SEVERITY_NONE]     = { "none",     NULL },
  [VG_SEVERITY_MINOR]    = { "minor",    "Minor" },
  [VG_SEVERITY_MODERATE] = { "moderate", "Moderate" },
  [VG_SEVERITY_SEVERE]   = { "severe",   "Severe" },
  [VG_SEVERITY_EXTREME]  = { "extreme",  "Extreme" },
};

static const struct {
  const char *value;
  VgSeverity  severity;
} datex[] = {
  { "highest", VG_SEVERITY_EXTREME },
  { "high",    VG_SEVERITY_SEVERE },
  { "medium",  VG_SEVERITY_MODERATE },
  { "low",     VG_SEVERITY_MINOR },
  { "lowest",  VG_SEVERITY_MINOR },
  { "none",    VG_SEVERITY_NONE },
  { "unknown", VG_SEVERITY_UNKNOWN },
};

const char *
vg_severity_to_id (VgSeverity severity)
{
  g_return_val_if_fail (severity < VG_N_SEVERITIES, NULL);

  return severities[severity].id;
}

gboolean
vg_severity_from_id (const char *id,
                     VgSeverity *severity)
{
  g_return_val_if_fail (severity != NULL, FALSE);

  for (guint i = 0; id != NULL && i < VG_N_SEVERITIES; i++)
    if (g_str_equal (id, severities[i].id))
      {
        *severity = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
vg_severity_from_cap (const char *value,
                      VgSeverity *severity)
{
  g_return_val_if_fail (severity != NULL, FALSE);

  for (guint i = 0; value != NULL && i < VG_N_SEVERITIES; i++)
    if (severities[i].cap != NULL && g_str_equal (value, severities[i].cap))
      {
        *severity = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
vg_severity_from_datex (const char *value,
                        VgSeverity *severity)
{
  g_return_val_if_fail (severity != NULL, FALSE);

  for (guint i = 0; value != NULL && i < G_N_ELEMENTS (datex); i++)
    if (g_str_equal (value, datex[i].value))
      {
        *severity = datex[i].severity;
        return TRUE;
      }
  return FALSE;
}
