/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VG_TYPE_SCENARIO_PICKER (vg_scenario_picker_get_type ())
G_DECLARE_FINAL_TYPE (VgScenarioPicker, vg_scenario_picker, VG, SCENARIO_PICKER, AdwWindow)

/* The exercise controller's start screen: every bundled scenario with its description, time
 * span and provenance (what is real, what is reconstructed), each with a Start button that
 * activates app.start-exercise. */

/* New picker listing the scenarios under @dir, transient for @parent (may be NULL). */
GtkWidget *vg_scenario_picker_new     (const char *dir,
                                       GtkWindow  *parent);
/* Number of scenarios listed. */
guint      vg_scenario_picker_get_n_scenarios (VgScenarioPicker *self);

G_END_DECLS
