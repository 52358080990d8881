/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include "vg-crs-transform.h"
#include "vg-fact-set.h"
#include "vg-flood-assets.h"
#include "vg-flood-exposure-index.h"

G_BEGIN_DECLS

/* What one flood envelope reaches, as the parts of a trigger fact: the sensitive sites inside it
 * and the streets it cuts (one per street name, its longest segment inside as the geometry in
 * WGS84, the VG_ENVELOPE_FACTS_MAX_STREETS longest inside at most). It depends on the envelope
 * alone, never on when it is reached, so VgHazardModels computes it once per envelope. */

#define VG_ENVELOPE_FACTS_MAX_STREETS 40

typedef struct _VgEnvelopeFacts VgEnvelopeFacts;

/* The parts of envelope @envelope of @index, on @assets and the site list @sites (the same layer,
 * in the same order), lines converted by @to_wgs84 (Lambert-93 → WGS84; not thread-safe: the
 * caller serialises). VG_GEO_ERROR if a line cannot be converted. */
VgEnvelopeFacts    *vg_envelope_facts_new         (VgFloodExposureIndex  *index,
                                                   guint                  envelope,
                                                   VgFloodAssets         *assets,
                                                   GListModel            *sites,
                                                   VgCrsTransform        *to_wgs84,
                                                   GError               **error);
/* Frees @self (NULL is fine). */
void                vg_envelope_facts_free        (VgEnvelopeFacts       *self);
/* The streets cut, longest inside first; borrowed, valid while @self is. */
const VgFactStreet *vg_envelope_facts_get_streets (const VgEnvelopeFacts *self,
                                                   guint                 *n_streets);
/* The sites inside, in layer order; borrowed, valid while @self is. */
const VgFactSite   *vg_envelope_facts_get_sites   (const VgEnvelopeFacts *self,
                                                   guint                 *n_sites);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgEnvelopeFacts, vg_envelope_facts_free)

G_END_DECLS
