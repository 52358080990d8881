/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-operator.h"
#include "vg-replay.h"

G_BEGIN_DECLS

#define VG_TYPE_INJECT_PANEL (vg_inject_panel_get_type ())
G_DECLARE_FINAL_TYPE (VgInjectPanel, vg_inject_panel, VG, INJECT_PANEL, GtkWidget)

/* The exercise controller's pane: the scenario's scripted injects in time order (played or to
 * come, with the controller's notes) and a form to inject now — a note to the players, a feed
 * that fails or recovers — through vg_live_inject(), so only a signed-in controller can.
 *
 * Signals: ::recorded (message) after an inject is journalled; ::failed (message). */

/* New, empty pane. */
GtkWidget *vg_inject_panel_new          (void);
/* Shows @replay's scenario and injects into it. */
void       vg_inject_panel_set_replay   (VgInjectPanel        *self,
                                         VgReplay             *replay);
/* Who is signed in (NULL: nobody); only an exercise controller may inject. */
void       vg_inject_panel_set_operator (VgInjectPanel        *self,
                                         VgOperator           *operator_);
/* Number of scripted injects listed, and how many of them were played. */
guint      vg_inject_panel_get_n_script (VgInjectPanel        *self,
                                         guint                *n_played);
/* Fills the form (@type NOTE, FEED_FAILURE or FEED_RECOVERY; @feed_index into the scenario's
 * feeds) as a person would, and presses Inject; FALSE if the button was not enabled. */
gboolean   vg_inject_panel_inject       (VgInjectPanel        *self,
                                         VgScenarioInjectType  type,
                                         guint                 feed_index,
                                         const char           *text);

G_END_DECLS
