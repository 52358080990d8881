/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* MeteoAlarm awareness level, the colour of a Météo-France vigilance (CAP parameter
 * "awareness_level", e.g. "2; yellow; Moderate"). Green means "no particular awareness": the
 * level Météo-France re-issues when a warning ends. */
typedef enum {
  VG_AWARENESS_UNKNOWN = 0,   /* the message carries no awareness level */
  VG_AWARENESS_GREEN   = 1,
  VG_AWARENESS_YELLOW  = 2,
  VG_AWARENESS_ORANGE  = 3,
  VG_AWARENESS_RED     = 4,
} VgAwarenessLevel;

/* Stable identifier ("unknown", "green", "yellow", "orange", "red"); static. */
const char *vg_awareness_level_to_id (VgAwarenessLevel  level);
/* Level of a MeteoAlarm awareness_level value ("2; yellow; Moderate"): the number and the
 * colour must agree; FALSE if the value is not of that form. */
gboolean    vg_awareness_level_parse (const char       *value,
                                      VgAwarenessLevel *level);

G_END_DECLS
