/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-flood-depth-class.h"
#include "vg-flood-kind.h"
#include "vg-shape-set.h"

G_BEGIN_DECLS

/* What every envelope assumes, and says: Vigicrues' ZIP/ZICH maps are drawn for it too. */
#define VG_FLOOD_STATEMENT_NOMINAL "Nominal river behaviour, no dike breach."

#define VG_TYPE_FLOOD_ENVELOPE (vg_flood_envelope_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodEnvelope, vg_flood_envelope, VG, FLOOD_ENVELOPE, GObject)

/* One flood extent: the area under water when the reference gauge reads one stage (water
 * height), in Lambert-93, with its depth classes when known, its kind and its provenance.
 * Immutable. */

/* New envelope for @gauge at @stage_m. @extent holds one polygon shape (a reference is taken);
 * @depths, if not NULL, one shape per VgFloodDepthClass (empty where the class is absent).
 * @statement NULL means VG_FLOOD_STATEMENT_NOMINAL. */
VgFloodEnvelope *vg_flood_envelope_new             (const char         *gauge,
                                                    double              stage_m,
                                                    VgFloodKind         kind,
                                                    const char         *source,
                                                    const char         *statement,
                                                    VgShapeSet         *extent,
                                                    VgShapeSet         *depths);
/* Stable identifier "GAUGE@STAGEm" ("Y321002101@2.50m"); borrowed. */
const char      *vg_flood_envelope_get_id          (VgFloodEnvelope    *self);
/* Reference gauge code; borrowed. */
const char      *vg_flood_envelope_get_gauge       (VgFloodEnvelope    *self);
/* Stage at the gauge, metres. */
double           vg_flood_envelope_get_stage       (VgFloodEnvelope    *self);
/* Official, indicative (HAND) or synthetic. */
VgFloodKind      vg_flood_envelope_get_kind        (VgFloodEnvelope    *self);
/* Provenance (data, method, version); borrowed. */
const char      *vg_flood_envelope_get_source      (VgFloodEnvelope    *self);
/* The assumption it is drawn under; borrowed. */
const char      *vg_flood_envelope_get_statement   (VgFloodEnvelope    *self);
/* The extent: one polygon shape, index 0; borrowed. */
VgShapeSet      *vg_flood_envelope_get_extent      (VgFloodEnvelope    *self);
/* Depth classes (one shape per class) or NULL when unknown; borrowed. */
VgShapeSet      *vg_flood_envelope_get_depths      (VgFloodEnvelope    *self);
/* Area of the extent, m². */
double           vg_flood_envelope_get_area        (VgFloodEnvelope    *self);
/* Depth class at (@x, @y) into @depth_class; FALSE where unknown or dry. */
gboolean         vg_flood_envelope_get_depth_at    (VgFloodEnvelope    *self,
                                                    double              x,
                                                    double              y,
                                                    VgFloodDepthClass  *depth_class);
/* JSON object: id, gauge, stage_m, kind, kind_label, source, statement, area_m2, vertices,
 * depth_classes (ids present, or null when unknown); no geometry. */
JsonNode        *vg_flood_envelope_to_json         (VgFloodEnvelope    *self);

G_END_DECLS
