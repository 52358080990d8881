/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-dem.h"

G_BEGIN_DECLS

#define VG_TYPE_FLOOD_HAND (vg_flood_hand_get_type ())
G_DECLARE_FINAL_TYPE (VgFloodHand, vg_flood_hand, VG, FLOOD_HAND, GObject)

/* Height Above the Nearest Drainage (Rennó et al. 2008; Nobre et al. 2011, "Height Above the
 * Nearest Drainage – a hydrologically relevant new terrain model", J. Hydrol. 404): the DEM's
 * depressions are filled (Priority-Flood+ε, Barnes et al. 2014, so every cell drains), each cell
 * flows to its steepest-descent neighbour (D8), and a cell's HAND is its filled elevation above
 * that of the first drainage cell down its flow path. A cell is flooded at stage h where
 * HAND ≤ h: indicative, nominal river behaviour, no hydraulics, no dikes. */

/* HAND of @dem with drainage where @drainage (width × height bytes, row 0 north) is non-zero. */
VgFloodHand   *vg_flood_hand_new             (VgDem        *dem,
                                              const guint8 *drainage);
/* HAND per cell, metres (≥ 0); NAN where there is no data or the flow path reaches no
 * drainage cell; borrowed. */
const float   *vg_flood_hand_get_values      (VgFloodHand  *self);
/* Index of the drainage cell each cell drains to, or G_MAXUINT32; borrowed. */
const guint32 *vg_flood_hand_get_drains      (VgFloodHand  *self);
/* Cells raised by the depression fill. */
guint          vg_flood_hand_get_n_filled    (VgFloodHand  *self);
/* Filled elevation per cell (NAN for no data); borrowed. */
const float   *vg_flood_hand_get_filled      (VgFloodHand  *self);

G_END_DECLS
