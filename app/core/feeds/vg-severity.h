/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Severity of a warning or incident, on CAP's scale (the widest the feeds share); DATEX II's
 * five levels fold onto it (lowest and low are both minor). */
typedef enum {
  VG_SEVERITY_UNKNOWN,
  VG_SEVERITY_NONE,       /* DATEX II "none": reported, with no impact */
  VG_SEVERITY_MINOR,
  VG_SEVERITY_MODERATE,
  VG_SEVERITY_SEVERE,
  VG_SEVERITY_EXTREME,
  VG_N_SEVERITIES,
} VgSeverity;

/* Stable identifier ("minor"...); static. */
const char *vg_severity_to_id      (VgSeverity   severity);
/* Severity of a stable identifier; FALSE if unknown. */
gboolean    vg_severity_from_id    (const char  *id,
                                    VgSeverity  *severity);
/* Severity of a CAP <severity> value (Extreme, Severe, Moderate, Minor, Unknown; case as in
 * the standard); FALSE if not one of them. */
gboolean    vg_severity_from_cap   (const char  *value,
                                    VgSeverity  *severity);
/* Severity of a DATEX II severity value (highest, high, medium, low, lowest, none, unknown);
 * FALSE if not one of them. */
gboolean    vg_severity_from_datex (const char  *value,
                                    VgSeverity  *severity);

G_END_DECLS
