/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-envelope-facts.h"
#include "vg-flood-assets.h"
#include "vg-flood-exposure-index.h"
#include "vg-flood-library.h"
#include "vg-heat-districts.h"
#include "vg-playbook.h"

G_BEGIN_DECLS

#define VG_TYPE_HAZARD_MODELS (vg_hazard_models_get_type ())
G_DECLARE_FINAL_TYPE (VgHazardModels, vg_hazard_models, VG, HAZARD_MODELS, GObject)

/* The city data the projections and proposals run on, loaded once (a few hundred milliseconds: load it off
 * the main thread) and immutable after: the heat districts, the sensitive sites, and the flood
 * envelope library with its assets and precomputed exposure index. The only thing that changes
 * is a cache of what each envelope reaches (vg_hazard_models_get_envelope_facts()), filled on
 * first use under a lock, so the models can be shared between threads. */

/* Loads the districts, sites and flood assets from the GeoPackage @geodata, the envelope
 * library @flood_library (GeoPackage or GeoJSON) and the playbooks of @playbooks (a folder;
 * NULL: the bundled ones). Errors name the file and layer, or the playbook's line. */
VgHazardModels       *vg_hazard_models_load               (const char     *geodata,
                                                           const char     *flood_library,
                                                           const char     *playbooks,
                                                           GError        **error);
/* Same with the bundled city data and synthetic envelope library (vg_data_dir_find()). */
VgHazardModels       *vg_hazard_models_load_bundled       (GError        **error);
/* The heat-risk districts; borrowed. */
VgHeatDistricts      *vg_hazard_models_get_heat_districts (VgHazardModels *self);
/* The sensitive sites (VgSite); borrowed. */
GListModel           *vg_hazard_models_get_sites          (VgHazardModels *self);
/* The flood envelope library; borrowed. */
VgFloodLibrary       *vg_hazard_models_get_flood_library  (VgHazardModels *self);
/* The assets exposure is computed on; borrowed. */
VgFloodAssets        *vg_hazard_models_get_flood_assets   (VgHazardModels *self);
/* Every envelope's exposure, precomputed; borrowed. */
VgFloodExposureIndex *vg_hazard_models_get_flood_index    (VgHazardModels *self);
/* The response playbooks (VgPlaybook); borrowed. */
GPtrArray            *vg_hazard_models_get_playbooks      (VgHazardModels *self);
/* Warnings from loading (polygons repaired, envelopes not nested); borrowed strings. */
GPtrArray            *vg_hazard_models_get_warnings       (VgHazardModels *self);
/* Library gauge answering the river gauge @code: the same code, or the gauge whose legacy
 * 8-character site code starts @code (Hub'Eau stations "Y320403001" of site "Y3204030");
 * NULL if the library has none; static or borrowed. */
const char           *vg_hazard_models_resolve_gauge      (VgHazardModels *self,
                                                           const char     *code);
/* The sites and streets envelope @envelope of the library reaches, computed on first use and
 * kept (thread-safe); borrowed, valid as long as @self. VG_GEO_ERROR if a street cannot be
 * placed in WGS84. */
const VgEnvelopeFacts *vg_hazard_models_get_envelope_facts (VgHazardModels *self,
                                                            guint           envelope,
                                                            GError        **error);

G_END_DECLS
