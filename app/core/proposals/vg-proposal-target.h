/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define VG_TYPE_PROPOSAL_TARGET (vg_proposal_target_get_type ())
G_DECLARE_FINAL_TYPE (VgProposalTarget, vg_proposal_target, VG, PROPOSAL_TARGET, GObject)

/* One thing a proposal acts on — a street segment, a site, a district, a gauge, a closed road —
 * with its geometry in WGS84 for the map. Immutable. */

/* New target from a proposal payload's target object ({"id", "kind", "name", "category"?,
 * "geometry"}); NULL if it lacks one of them. */
VgProposalTarget *vg_proposal_target_new_from_json (JsonObject       *object);
/* Stable id ("EtabliPublic:711", "streets:1234", "district:34172-MCC"); borrowed. */
const char       *vg_proposal_target_get_id        (VgProposalTarget *self);
/* "site", "street", "district", "gauge" or "road"; borrowed. */
const char       *vg_proposal_target_get_kind      (VgProposalTarget *self);
/* Name as published; borrowed. */
const char       *vg_proposal_target_get_name      (VgProposalTarget *self);
/* Site category or road class, or NULL; borrowed. */
const char       *vg_proposal_target_get_category  (VgProposalTarget *self);
/* A point of the target for a marker: the site, or the first vertex of a line (WGS84). */
void              vg_proposal_target_get_position  (VgProposalTarget *self,
                                                    double           *lon,
                                                    double           *lat);
/* The GeoJSON geometry (Point or LineString, WGS84); borrowed. */
JsonNode         *vg_proposal_target_get_geometry  (VgProposalTarget *self);

G_END_DECLS
