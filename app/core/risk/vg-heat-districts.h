/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

#include "vg-gpkg.h"
#include "vg-shape-set.h"

G_BEGIN_DECLS

#define VG_TYPE_HEAT_DISTRICTS (vg_heat_districts_get_type ())
G_DECLARE_FINAL_TYPE (VgHeatDistricts, vg_heat_districts, VG, HEAT_DISTRICTS, GObject)

/* The districts of the heat-risk scale: Montpellier's 31 sous-quartiers, then the Métropole's
 * other 30 communes, with their built density and the urban heat island offsets Vigie derives
 * from it.
 *
 * Built density = footprint area of the "buildings" layer inside the district / district area,
 * computed with GEOS. That layer holds the city's NON-RESIDENTIAL buildings only, and only in the
 * commune of Montpellier: housing is missing everywhere, so the density is an index of how built-up
 * a sous-quartier is, not its true built fraction, and the other communes have no density at all
 * (NaN) and get no heat island offset — their heat is underestimated where they are built up.
 *
 * Heat island offsets (Vigie's assumption, to calibrate against the city's sensors): the district
 * is warmer than the forecast point (the airport) by f × 3 K at night and f × 1 K by day, with
 * f = min (1, density / 0.10): the nocturnal heat island, the one that matters for health, is the
 * strong one, and a density of 0.10 is that of the historic centre in this layer. */

#define VG_HEAT_UHI_NIGHT_MAX     3.0
#define VG_HEAT_UHI_DAY_MAX       1.0
#define VG_HEAT_UHI_FULL_DENSITY  0.10

typedef enum {
  VG_HEAT_DISTRICT_SOUS_QUARTIER,   /* a sous-quartier of Montpellier */
  VG_HEAT_DISTRICT_COMMUNE,         /* a commune of the Métropole other than Montpellier */
} VgHeatDistrictKind;

/* Reads the sous_quartiers, communes and buildings layers of @gpkg (Lambert-93), repairing invalid
 * polygons. Errors name the file and layer (VG_GEO_ERROR), or VG_RISK_ERROR_NO_DISTRICT. */
VgHeatDistricts   *vg_heat_districts_load              (VgGpkg          *gpkg,
                                                        GError         **error);
/* Number of districts. */
guint              vg_heat_districts_get_n_districts   (VgHeatDistricts *self);
/* Stable identifier: "34172-MCC" for a sous-quartier (INSEE of Montpellier and the city's code,
 * "-2" added to a code the city uses twice), the INSEE code for a commune; borrowed. */
const char        *vg_heat_districts_get_id            (VgHeatDistricts *self,
                                                        guint            district);
/* Name as published; borrowed. */
const char        *vg_heat_districts_get_name          (VgHeatDistricts *self,
                                                        guint            district);
/* Kind of district. */
VgHeatDistrictKind vg_heat_districts_get_kind          (VgHeatDistricts *self,
                                                        guint            district);
/* Stable name of @kind ("sous_quartier", "commune"); static. */
const char        *vg_heat_districts_kind_to_id        (VgHeatDistrictKind kind);
/* Area in m². */
double             vg_heat_districts_get_area          (VgHeatDistricts *self,
                                                        guint            district);
/* Built density (non-residential footprints / area), NaN where the layer has no data. */
double             vg_heat_districts_get_built_density (VgHeatDistricts *self,
                                                        guint            district);
/* Heat island offset in K, for a night hour (@night) or a day hour. */
double             vg_heat_districts_get_uhi           (VgHeatDistricts *self,
                                                        guint            district,
                                                        gboolean         night);
/* The district polygons in Lambert-93, one shape per district in district order; borrowed. */
VgShapeSet        *vg_heat_districts_get_shapes        (VgHeatDistricts *self);
/* District containing the Lambert-93 point @x, @y (sous-quartiers first), or -1. Uses the GEOS
 * context of @self: one thread at a time. */
int                vg_heat_districts_locate            (VgHeatDistricts *self,
                                                        double           x,
                                                        double           y);

G_END_DECLS
