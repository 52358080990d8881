/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

#include "vg-basemap.h"
#include "vg-clock.h"
#include "vg-situation.h"

G_BEGIN_DECLS

#define VG_TYPE_APPLICATION (vg_application_get_type ())
G_DECLARE_FINAL_TYPE (VgApplication, vg_application, VG, APPLICATION, AdwApplication)

/* The Vigie application: owns what all windows share — settings, the situation clock, the
 * bundled city data — and the app-wide actions (preferences, about, quit). */

/* New application. */
VgApplication *vg_application_new          (void);
/* Settings (io.github.vigie.Vigie); borrowed. */
GSettings     *vg_application_get_settings (VgApplication *self);
/* The situation clock; borrowed. */
VgClock       *vg_application_get_clock    (VgApplication *self);
/* The offline basemap data, or NULL until loaded or if it could not be (see _get_data_error()). */
VgBasemap     *vg_application_get_basemap  (VgApplication *self);
/* The sensitive sites (VgSite); borrowed, never NULL (empty when the data is missing). */
GListModel    *vg_application_get_sites    (VgApplication *self);
/* Whether the bundled city data has been loaded (::city-data-ready was emitted). */
gboolean       vg_application_is_city_data_ready (VgApplication *self);
/* Why the bundled data could not be loaded, or NULL; borrowed. */
const char    *vg_application_get_data_error (VgApplication *self);
/* The districts, flood envelopes and playbooks the projections run on, or NULL until loaded
 * (with the city data: "city-data-ready") or if they could not be; borrowed. */
VgHazardModels *vg_application_get_hazard_models (VgApplication *self);
/* The live situation (its journal), or NULL if it could not be opened (see _get_data_error()). */
VgSituation   *vg_application_get_situation (VgApplication *self);
/* Why the live situation could not be opened, or NULL; borrowed. */
const char    *vg_application_get_situation_error (VgApplication *self);
/* The name notes and decisions are signed with; free with g_free(). */
char          *vg_application_dup_operator_name (VgApplication *self);
/* Starts a training exercise replaying @scenario (a bundled scenario id or a folder) into a new
 * exercise journal, and returns its window (paused at the scenario's start). */
GtkWindow     *vg_application_start_exercise (VgApplication *self,
                                              const char    *scenario,
                                              GError       **error);
/* Base path (without suffix) of the offline tile cache. Free with g_free(). */
char          *vg_application_dup_tile_cache_path (VgApplication *self);

G_END_DECLS
