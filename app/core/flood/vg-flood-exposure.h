/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-flood-assets.h"
#include "vg-flood-envelope.h"

G_BEGIN_DECLS

/* Totals of what one envelope reaches (ST_Intersects), precomputed per envelope. */
typedef struct
{
  guint  buildings;            /* footprints meeting the envelope */
  double building_area_m2;     /* their area inside it */
  guint  addresses;            /* address points inside (dwellings proxy) */
  double residents;            /* addresses × VG_FLOOD_RESIDENTS_PER_ADDRESS */
  guint  road_segments;        /* centre-line segments meeting it */
  double road_length_m;        /* their length inside */
  guint  streets_cut;          /* distinct street names among them */
  guint  sites;                /* sensitive sites inside */
  guint  vulnerable_sites;     /* of which schools, crèches, hospitals, care homes */
} VgFloodTotals;

/* One exposed asset. */
typedef struct
{
  VgFloodAssetKind kind;
  guint            index;        /* feature index in its layer */
  const char      *name;         /* label, address, street or site name; may be NULL */
  const char      *category;     /* site category or road class; may be NULL */
  double           inside;       /* area (m²) or length (m) inside; 1 for a point */
  double           total;        /* its whole area or length */
  int              depth_class;  /* VgFloodDepthClass at a site, -1 if unknown */
} VgFloodExposedAsset;

/* A street cut by the envelope: the centre-line length under water, over its segments. */
typedef struct
{
  const char *name;
  double      length_m;
  guint       segments;
} VgFloodStreetCut;

#define VG_TYPE_FLOOD_EXPOSURE (vg_flood_exposure_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodExposure, vg_flood_exposure, VG, FLOOD_EXPOSURE, GObject)

/* Who and what one envelope reaches, when (the time the envelope's stage is expected, or none),
 * how it was computed and on which data: the record an operator acts on and the journal keeps.
 * Made by VgFloodExposureIndex; immutable. */

/* New exposure of @envelope (a reference is taken) at @time (may be NULL) with @totals; the
 * strings are copied. Assets are added with vg_flood_exposure_add_asset(). */
VgFloodExposure  *vg_flood_exposure_new             (VgFloodEnvelope           *envelope,
                                                     GDateTime                 *time,
                                                     const VgFloodTotals       *totals,
                                                     const char                *method,
                                                     const char                *library_version,
                                                     const char                *assets_version);
/* Adds one exposed asset (its strings are copied). */
void              vg_flood_exposure_add_asset       (VgFloodExposure           *self,
                                                     const VgFloodExposedAsset *asset);
/* The envelope; borrowed. */
VgFloodEnvelope  *vg_flood_exposure_get_envelope    (VgFloodExposure           *self);
/* Time the envelope's stage is expected, or NULL; borrowed. */
GDateTime        *vg_flood_exposure_get_time        (VgFloodExposure           *self);
/* Totals; borrowed. */
const VgFloodTotals *vg_flood_exposure_get_totals   (VgFloodExposure           *self);
/* Exposed assets of @kind, in layer order; @n receives their number; borrowed. */
const VgFloodExposedAsset *vg_flood_exposure_get_assets (VgFloodExposure       *self,
                                                     VgFloodAssetKind           kind,
                                                     guint                     *n);
/* Streets cut, by decreasing length under water; @n receives their number; borrowed. */
const VgFloodStreetCut *vg_flood_exposure_get_streets_cut (VgFloodExposure     *self,
                                                     guint                     *n);
/* JSON object: envelope, time, method, data_versions, residents_assumption, totals and, if
 * @with_assets, buildings, addresses, roads, streets_cut and sites. */
JsonNode         *vg_flood_exposure_to_json         (VgFloodExposure           *self,
                                                     gboolean                   with_assets);
/* JSON object of @totals. */
JsonNode         *vg_flood_totals_to_json           (const VgFloodTotals       *totals);

G_END_DECLS
