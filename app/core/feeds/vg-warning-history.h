/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-warning.h"

G_BEGIN_DECLS

#define VG_TYPE_WARNING_HISTORY (vg_warning_history_get_type ())
G_DECLARE_FINAL_TYPE (VgWarningHistory, vg_warning_history, VG, WARNING_HISTORY, GObject)

/* Every version of every warning, grouped. Météo-France re-issues a vigilance under a new
 * identifier at each change and ends it with an empty green Update, so a warning is a group of
 * versions: those sharing a key (sender, phenomenon, area, day), and those that <references> a
 * version already in a group (an info-less Cancel joins every group of what it references).
 * Nothing is ever replaced or dropped; the same message polled twice is kept once. */

/* New, empty history. */
VgWarningHistory *vg_warning_history_new          (void);
/* Adds @warning to its group(s); FALSE if that version (identifier and area) was already
 * there. */
gboolean          vg_warning_history_add          (VgWarningHistory *self,
                                                   VgWarning        *warning);
/* Keys of the groups, sorted; free the container with g_ptr_array_unref(). */
GPtrArray        *vg_warning_history_dup_keys     (VgWarningHistory *self);
/* Versions in group @key, oldest sent first (VgWarning); NULL if no such group; borrowed. */
GPtrArray        *vg_warning_history_get_versions (VgWarningHistory *self,
                                                   const char       *key);
/* The version in force in group @key: the last sent Actual version; NULL if none; borrowed. */
VgWarning        *vg_warning_history_get_current  (VgWarningHistory *self,
                                                   const char       *key);
/* TRUE if group @key warns at @at (Unix µs): its current version is not a Cancel, is above
 * green, and @at is within its onset (or effective, or sent) and expiry. */
gboolean          vg_warning_history_is_active    (VgWarningHistory *self,
                                                   const char       *key,
                                                   gint64            at);

G_END_DECLS
