/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-gpkg.h"
#include "vg-site-category.h"

G_BEGIN_DECLS

#define VG_TYPE_SITE (vg_site_get_type ())
G_DECLARE_FINAL_TYPE (VgSite, vg_site, VG, SITE, GObject)

/* A sensitive site (school, care home, shelter...) from the city's open data, with its
 * position in Lambert-93 (for computations) and in WGS84 (for the map and exports). */

/* New site; @id is stable across runs ("EtabliPublic:123"). */
VgSite         *vg_site_new           (const char     *id,
                                       VgSiteCategory  category,
                                       const char     *name,
                                       double          x_l93,
                                       double          y_l93,
                                       double          lon,
                                       double          lat);
/* Stable identifier; borrowed. */
const char     *vg_site_get_id        (VgSite         *self);
/* Category. */
VgSiteCategory  vg_site_get_category  (VgSite         *self);
/* Name as published; borrowed. */
const char     *vg_site_get_name      (VgSite         *self);
/* Lambert-93 position in metres. */
void            vg_site_get_l93       (VgSite         *self,
                                       double         *x,
                                       double         *y);
/* Longitude, degrees east (WGS84). */
double          vg_site_get_longitude (VgSite         *self);
/* Latitude, degrees north (WGS84). */
double          vg_site_get_latitude  (VgSite         *self);

/* Reads the "sites" layer of @gpkg into a list of VgSite, in file order; errors name the file
 * and the feature (unknown category, not a point). */
GListStore     *vg_site_load_all      (VgGpkg         *gpkg,
                                       GError        **error);

G_END_DECLS
