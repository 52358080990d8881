/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VG_TYPE_CLOCK (vg_clock_get_type ())
G_DECLARE_FINAL_TYPE (VgClock, vg_clock, VG, CLOCK, GObject)

/* The situation clock: every time the core uses comes from here, never from the wall directly,
 * so that a replayed scenario is deterministic. A wall clock follows real time; a manual clock
 * (replay, tests) only moves when told to. */

/* New clock following real time. */
VgClock   *vg_clock_new_wall     (void);
/* New manual clock standing at @start (an instant; kept in UTC). */
VgClock   *vg_clock_new_manual   (GDateTime *start);
/* TRUE for a manual (replay/test) clock. */
gboolean   vg_clock_is_manual    (VgClock   *self);
/* Current situation time, in UTC; free with g_date_time_unref(). */
GDateTime *vg_clock_dup_now      (VgClock   *self);
/* Current situation time as microseconds since the Unix epoch. */
gint64     vg_clock_get_now_usec (VgClock   *self);
/* Move a manual clock to @now (emits ::changed). Programmer error on a wall clock. */
void       vg_clock_set_now      (VgClock   *self,
                                  GDateTime *now);

/* @usec (Unix microseconds) as a UTC date-time; full ownership. */
GDateTime *vg_time_new_from_usec (gint64     usec);
/* @time as Unix microseconds. */
gint64     vg_time_to_usec       (GDateTime *time);

G_END_DECLS
