/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VG_TYPE_PREFERENCES_WINDOW (vg_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (VgPreferencesWindow, vg_preferences_window, VG, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* Preferences: operator name, basemap (offline or online), style, presentation mode, each a
 * GSettings key applied at once; and each configured feed's switch and poll interval, saved in
 * the operator's copy of feeds.conf (used from the next start). */

/* New preferences window editing @settings, transient for @parent (may be NULL). */
GtkWidget *vg_preferences_window_new (GSettings *settings,
                                      GtkWindow *parent);
/* The "enabled" switch of feed @feed_id, or NULL; borrowed. */
GtkWidget *vg_preferences_window_get_feed_switch   (VgPreferencesWindow *self,
                                                    const char          *feed_id);
/* The poll interval (seconds) of feed @feed_id, a GtkSpinButton, or NULL; borrowed. */
GtkWidget *vg_preferences_window_get_feed_interval (VgPreferencesWindow *self,
                                                    const char          *feed_id);

G_END_DECLS
