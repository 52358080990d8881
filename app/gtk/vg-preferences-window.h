/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VG_TYPE_PREFERENCES_WINDOW (vg_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (VgPreferencesWindow, vg_preferences_window, VG, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences: operator name, basemap (offline or online), style, presentation mode; every choice is a
 * GSettings key, applied at once. */

/* New preferences window editing @settings, transient for @parent (may be NULL). */
GtkWidget *vg_preferences_window_new (GSettings *settings,
                                      GtkWindow *parent);

G_END_DECLS
