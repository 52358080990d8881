/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gtk/gtk.h>

#include "vg-replay.h"

G_BEGIN_DECLS

#define VG_TYPE_REPLAY_BAR (vg_replay_bar_get_type ())
G_DECLARE_FINAL_TYPE (VgReplayBar, vg_replay_bar, VG, REPLAY_BAR, GtkWidget)

/* The exercise controller's replay bar: play/pause, next event, speed (1× to 3600×, or as fast
 * as possible), the scenario time shown large, and a slider to jump ahead. It drives the
 * replay from the main loop; the scenario clock, not the wall clock, stamps everything.
 * Signals: ::failed (message); ::seek-back (usec) when asked for an earlier time. */

/* New bar driving @replay. */
GtkWidget *vg_replay_bar_new        (VgReplay    *replay);
/* Starts or pauses the replay. */
void       vg_replay_bar_set_playing (VgReplayBar *self,
                                      gboolean     playing);
/* Plays if paused, pauses if playing (Ctrl+Space). */
void       vg_replay_bar_toggle      (VgReplayBar *self);
/* Replay speed in scenario seconds per second (0: as fast as possible). */
void       vg_replay_bar_set_speed   (VgReplayBar *self,
                                      double       speed);
/* Jumps ahead to @usec (scenario time); an earlier time emits ::seek-back, since a run is never
 * rewound. */
void       vg_replay_bar_seek        (VgReplayBar *self,
                                      gint64       usec);
/* Plays the next event now. */
void       vg_replay_bar_step        (VgReplayBar *self);

G_END_DECLS
