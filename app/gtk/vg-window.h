/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

#include "vg-clock.h"
#include "vg-flood-panel.h"
#include "vg-heat-panel.h"
#include "vg-inject-panel.h"
#include "vg-layers-panel.h"
#include "vg-map-view.h"
#include "vg-proposals-panel.h"
#include "vg-replay.h"
#include "vg-replay-bar.h"
#include "vg-timeline-panel.h"

G_BEGIN_DECLS

#define VG_TYPE_WINDOW (vg_window_get_type ())
G_DECLARE_FINAL_TYPE (VgWindow, vg_window, VG, WINDOW, AdwApplicationWindow)

/* The operator's desk: the map in the centre, the layers/legend/feed-health sidebar, the
 * proposals awaiting sign-off, the operator log and timeline strip, and a header bar with the
 * situation's name, its clock, and the mode (LIVE, or EXERCISE in an unmistakable colour). */

/* New window of @application (a VgApplication). */
VgWindow      *vg_window_new               (GtkApplication *application);
/* New exercise window of @application replaying @replay (EXERCISE everywhere, replay bar). */
VgWindow      *vg_window_new_for_exercise  (GtkApplication *application,
                                            VgReplay       *replay);
/* The replay bar of an exercise window, or NULL; borrowed. */
VgReplayBar   *vg_window_get_replay_bar    (VgWindow       *self);
/* The map view; borrowed. */
VgMapView     *vg_window_get_map_view      (VgWindow       *self);
/* The operator log strip; borrowed. */
GtkWidget     *vg_window_get_log_strip     (VgWindow       *self);
/* The sidebar; borrowed. */
VgLayersPanel *vg_window_get_layers_panel  (VgWindow       *self);
/* Marks the situation as an exercise (TRUE: EXERCISE banner and badge) or live. */
void           vg_window_set_exercise      (VgWindow       *self,
                                            gboolean        exercise);
/* Whether the window shows an exercise. */
gboolean       vg_window_get_exercise      (VgWindow       *self);
/* The flood pane; borrowed. */
VgFloodPanel  *vg_window_get_flood_panel   (VgWindow       *self);
/* The heat pane; borrowed. */
VgHeatPanel   *vg_window_get_heat_panel    (VgWindow       *self);
/* The situation shown, or NULL if it could not be opened; borrowed. */
VgSituation   *vg_window_get_situation     (VgWindow       *self);
/* The exercise controller's pane (shown in exercises only); borrowed. */
VgInjectPanel *vg_window_get_inject_panel  (VgWindow       *self);
/* The proposals pane; borrowed. */
VgProposalsPanel *vg_window_get_proposals_panel (VgWindow    *self);
/* The Timeline pane; borrowed. */
VgTimelinePanel *vg_window_get_timeline_panel (VgWindow     *self);
/* The right-hand pane shown ("proposals", "flood", "heat", "timeline", "exercise"); borrowed. */
const char    *vg_window_get_pane          (VgWindow       *self);
/* The message of the error banner, or NULL when it is not shown; borrowed. */
const char    *vg_window_get_error         (VgWindow       *self);
/* Shows @message in the error banner until dismissed (e.g. the journal cannot be written). */
void           vg_window_show_error        (VgWindow       *self,
                                            const char     *message);
/* Shows a passing notification. */
void           vg_window_add_toast         (VgWindow       *self,
                                            const char     *message);
/* The text of the situation clock in the header bar, as shown; borrowed. */
const char    *vg_window_get_clock_text    (VgWindow       *self);

G_END_DECLS
