/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-flood-exposure.h"
#include "vg-flood-projection.h"
#include "vg-gauge.h"

G_BEGIN_DECLS

#define VG_TYPE_FLOOD_OUTLOOK (vg_flood_outlook_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodOutlook, vg_flood_outlook, VG, FLOOD_OUTLOOK, GObject)

/* What one gauge's readings mean for the flood, at one moment: the envelope its stage reaches
 * now (the lowest at or above it, never an interpolation), who and what that envelope exposes,
 * and the next envelope the projection expects, with when. Immutable: a new reading makes a new
 * outlook. */

/* New outlook of library gauge @gauge fed by river gauge @river_gauge, from @projection (its first
 * step is the latest reading). @envelope_now is the library index answering the stage, the
 * lowest envelope at or above it (an upper bound of the extent), -1 when the stage is below the
 * lowest envelope's (the library says nothing of it); @beyond TRUE when the stage is above the
 * highest envelope; @totals those of @envelope_now (ignored when -1). */
VgFloodOutlook      *vg_flood_outlook_new              (const char          *gauge,
                                                        VgGauge             *river_gauge,
                                                        VgFloodLibrary      *library,
                                                        VgFloodProjection   *projection,
                                                        int                  envelope_now,
                                                        gboolean             beyond,
                                                        const VgFloodTotals *totals);
/* Library gauge code; borrowed. */
const char          *vg_flood_outlook_get_gauge        (VgFloodOutlook      *self);
/* River gauge whose readings it uses; borrowed. */
VgGauge             *vg_flood_outlook_get_river_gauge  (VgFloodOutlook      *self);
/* The envelope library; borrowed. */
VgFloodLibrary      *vg_flood_outlook_get_library      (VgFloodOutlook      *self);
/* The projection; borrowed. */
VgFloodProjection   *vg_flood_outlook_get_projection   (VgFloodOutlook      *self);
/* Latest reading: time (Unix µs) and stage (m). */
void                 vg_flood_outlook_get_reading      (VgFloodOutlook      *self,
                                                        gint64              *time,
                                                        double              *stage_m);
/* Envelope answering the latest stage (library index), -1 if none; @beyond (may be NULL) TRUE
 * when the stage is above the highest envelope. */
int                  vg_flood_outlook_get_envelope_now (VgFloodOutlook      *self,
                                                        gboolean            *beyond);
/* Totals of that envelope, NULL if none; borrowed. */
const VgFloodTotals *vg_flood_outlook_get_totals       (VgFloodOutlook      *self);
/* The next envelope the projection expects to be reached (not already), or NULL; borrowed. */
const VgFloodCrossing *vg_flood_outlook_get_next       (VgFloodOutlook      *self);
/* One line for people and the timeline ("Lez à Montpellier 2.70 m: envelope 3.0 m …"); borrowed. */
const char          *vg_flood_outlook_get_summary      (VgFloodOutlook      *self);

G_END_DECLS
