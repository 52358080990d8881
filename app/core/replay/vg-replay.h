/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-decision-script.h"
#include "vg-scenario.h"
#include "vg-situation.h"

G_BEGIN_DECLS

#define VG_TYPE_REPLAY (vg_replay_get_type ())
G_DECLARE_FINAL_TYPE (VgReplay, vg_replay, VG, REPLAY, GObject)

/* Replays a training scenario into an exercise situation: it moves the situation's (manual)
 * clock through the scenario and hands each recorded payload to the very same ingestion as
 * live data, and each inject to the situation (incidents and CAP messages through their
 * parsers, feed failures into feed health, notes into the operator log), journaling every
 * inject. Nothing here reads the wall clock: the same scenario gives the same journal. */

/* New replay of @scenario into @situation, whose clock must be manual (it is set to the
 * scenario's start); the scenario's feeds are declared in the situation's journal. */
VgReplay    *vg_replay_new              (VgScenario   *scenario,
                                         VgSituation  *situation,
                                         GError      **error);
/* Takes @script's decisions during the replay: timed ones when the clock reaches them (after
 * the events of that instant), the others after the event that made a matching proposal pending.
 * VG_SCENARIO_ERROR_TIME if one is timed outside the scenario. */
gboolean     vg_replay_set_decisions    (VgReplay          *self,
                                         VgDecisionScript  *script,
                                         GError           **error);
/* The scenario; borrowed. */
VgScenario  *vg_replay_get_scenario     (VgReplay     *self);
/* The situation replayed into; borrowed. */
VgSituation *vg_replay_get_situation    (VgReplay     *self);
/* Plays every event up to and including @usec (Unix µs), then stands the clock at @usec
 * (clamped to the scenario's end). Stops at the first error (the events before it stay played). */
gboolean     vg_replay_advance_to       (VgReplay     *self,
                                         gint64        usec,
                                         GError      **error);
/* Plays the next event and stands the clock at its time; FALSE at the end (no error) or on
 * error. */
gboolean     vg_replay_step             (VgReplay     *self,
                                         GError      **error);
/* Plays everything to the end ("as fast as possible"). */
gboolean     vg_replay_run_to_end       (VgReplay     *self,
                                         GError      **error);
/* Time of the next event, or G_MAXINT64 at the end. */
gint64       vg_replay_get_next_time    (VgReplay     *self);
/* Number of events played so far. */
guint        vg_replay_get_n_played     (VgReplay     *self);
/* TRUE once every event has been played. */
gboolean     vg_replay_is_finished      (VgReplay     *self);
/* Events played that were refused or failed to parse (kept going: a drill goes on). */
guint        vg_replay_get_n_failed     (VgReplay     *self);

G_END_DECLS
