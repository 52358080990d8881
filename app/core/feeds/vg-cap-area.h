/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>

#include "vg-shape-set.h"

G_BEGIN_DECLS

/* A CAP <area>: its description, geocodes (NUTS, EMMA_ID, SAME, FIPS...), polygons and
 * circles, coordinates turned from CAP's "lat,lon" into WGS84 lon/lat; immutable once parsed. */

typedef struct _VgCapArea VgCapArea;

#define VG_TYPE_CAP_AREA (vg_cap_area_get_type ())

/* Boxed type of VgCapArea. */
GType         vg_cap_area_get_type        (void) G_GNUC_CONST;
/* Adds a reference. */
VgCapArea    *vg_cap_area_ref             (VgCapArea   *self);
/* Drops a reference. */
void          vg_cap_area_unref           (VgCapArea   *self);
/* <areaDesc>; borrowed. */
const char   *vg_cap_area_get_description (VgCapArea   *self);
/* Number of <geocode>s. */
guint         vg_cap_area_get_n_geocodes  (VgCapArea   *self);
/* Geocode @index: its valueName and value, borrowed. */
void          vg_cap_area_get_geocode     (VgCapArea   *self,
                                           guint        index,
                                           const char **name,
                                           const char **value);
/* Value of the first geocode named @name (case-insensitive), or NULL; borrowed. */
const char   *vg_cap_area_lookup_geocode  (VgCapArea   *self,
                                           const char  *name);
/* TRUE if a NUTS geocode of the area names region @nuts in any NUTS edition (FR813 and FRJ13
 * are both Hérault). */
gboolean      vg_cap_area_has_nuts        (VgCapArea   *self,
                                           const char  *nuts);
/* Key of the area in warning keys: "NUTS:" and the current NUTS code, else the first geocode
 * ("EMMA_ID:FR034"), else the description; borrowed. */
const char   *vg_cap_area_get_key         (VgCapArea   *self);
/* The area's polygons, one shape each, WGS84 lon/lat; borrowed. */
VgShapeSet   *vg_cap_area_get_polygons    (VgCapArea   *self);
/* Number of <circle>s. */
guint         vg_cap_area_get_n_circles   (VgCapArea   *self);
/* Circle @index: centre (WGS84) and radius in metres. */
void          vg_cap_area_get_circle      (VgCapArea   *self,
                                           guint        index,
                                           double      *lon,
                                           double      *lat,
                                           double      *radius_m);
/* Adds the area as one JSON object to @builder. */
void          vg_cap_area_to_json         (VgCapArea   *self,
                                           JsonBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgCapArea, vg_cap_area_unref)

G_END_DECLS
