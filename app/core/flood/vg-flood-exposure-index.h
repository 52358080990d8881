/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-flood-assets.h"
#include "vg-flood-exposure.h"
#include "vg-flood-library.h"

G_BEGIN_DECLS

#define VG_TYPE_FLOOD_EXPOSURE_INDEX (vg_flood_exposure_index_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodExposureIndex, vg_flood_exposure_index, VG, FLOOD_EXPOSURE_INDEX, GObject)

/* Every envelope of a library against every asset, computed once (vg-flood-overlay: R-tree
 * candidates, grid classification, exact measures near the boundary), so that what-ifs cost
 * lookups: per envelope its totals and which assets it reaches, and per gauge and asset the
 * lowest envelope that reaches it. Changing the level of a gauge is then a bracket search among
 * a few envelopes (vg_flood_exposure_index_lookup()), and highlighting what a level reaches a
 * comparison per asset (vg_flood_exposure_index_select()). Immutable once built. */

/* Counts of the precomputation, for the benchmark and the "how is this computed" card. */
typedef struct
{
  guint64 candidates;    /* asset–envelope pairs whose boxes meet */
  guint64 boundary;      /* of which measured exactly */
  guint64 intersecting;  /* of which meet the envelope */
} VgFloodIndexStats;

/* Computes the exposure of every envelope of @library to @assets on @n_threads threads. */
VgFloodExposureIndex *vg_flood_exposure_index_new       (VgFloodLibrary       *library,
                                                         VgFloodAssets        *assets,
                                                         guint                 n_threads);
/* Totals of envelope @envelope (library index); borrowed. */
const VgFloodTotals  *vg_flood_exposure_index_get_totals (VgFloodExposureIndex *self,
                                                         guint                 envelope);
/* What-if: the totals at @stage_m on @gauge's envelope library — those of the lowest envelope
 * whose stage is at or above the level (never interpolated), or of the highest one when the
 * level is beyond the library (@beyond set TRUE: a lower bound). @envelope (may be NULL)
 * receives its index (below the lowest stage, the lowest envelope answers). NULL if the gauge
 * has no envelope. */
const VgFloodTotals  *vg_flood_exposure_index_lookup    (VgFloodExposureIndex *self,
                                                         const char           *gauge,
                                                         double                stage_m,
                                                         int                  *envelope,
                                                         gboolean             *beyond);
/* What-if highlight: sets @selected[i] (one byte per asset of @kind) to 1 for the assets
 * reached at or below the envelope vg_flood_exposure_index_lookup() picks, 0 otherwise;
 * returns their number. */
guint                 vg_flood_exposure_index_select    (VgFloodExposureIndex *self,
                                                         const char           *gauge,
                                                         double                stage_m,
                                                         VgFloodAssetKind      kind,
                                                         guint8               *selected);
/* Lowest-envelope table of @gauge for @kind: per asset the rank (0 = the gauge's lowest stage)
 * of the lowest envelope reaching it, 255 for none; @n receives the asset count; borrowed. */
const guint8         *vg_flood_exposure_index_get_first_levels (VgFloodExposureIndex *self,
                                                         const char           *gauge,
                                                         VgFloodAssetKind      kind,
                                                         guint                *n);
/* The full exposure record of envelope @envelope at @time (may be NULL): totals and every asset
 * reached, with what lies inside; full ownership. */
VgFloodExposure      *vg_flood_exposure_index_dup_exposure (VgFloodExposureIndex *self,
                                                         guint                 envelope,
                                                         GDateTime            *time);
/* Counts of the precomputation; borrowed. */
const VgFloodIndexStats *vg_flood_exposure_index_get_stats (VgFloodExposureIndex *self);
/* How the exposure is computed, in one sentence for people and records; static. */
const char           *vg_flood_exposure_index_get_method (void);

G_END_DECLS
