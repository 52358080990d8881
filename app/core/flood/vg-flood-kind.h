/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a flood envelope is, shown with it everywhere: a published map, an indicative one
 * computed by Vigie (HAND method on a real terrain model), or a synthetic one (computed on a
 * made-up terrain, for training and tests only). */
typedef enum {
  VG_FLOOD_KIND_OFFICIAL,
  VG_FLOOD_KIND_INDICATIVE_HAND,
  VG_FLOOD_KIND_SYNTHETIC,
  VG_N_FLOOD_KINDS,
} VgFloodKind;

/* Kind of the identifier @id ("official", "indicative-hand", "synthetic"); FALSE if unknown. */
gboolean    vg_flood_kind_from_id   (const char  *id,
                                     VgFloodKind *kind);
/* Stable identifier, as in files and JSON; static. */
const char *vg_flood_kind_to_id     (VgFloodKind  kind);
/* Translated label for people ("Synthetic — not real terrain"); static. */
const char *vg_flood_kind_get_label (VgFloodKind  kind);

G_END_DECLS
