/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VG_TYPE_EXPOSED_ITEM (vg_exposed_item_get_type ())
G_DECLARE_FINAL_TYPE (VgExposedItem, vg_exposed_item, VG, EXPOSED_ITEM, GObject)

/* One row of an exposure table — a site, street or building a projection reaches — with what it
 * is, how much of it is inside and where it is, for sorting and for finding it on the map.
 * Read-only properties: kind, name, category, inside (m² or m; 1 for a point), depth (text),
 * rank (sort key: vulnerable sites first), latitude, longitude. */

/* New row; strings are copied (@name, @category, @depth may be NULL). */
VgExposedItem *vg_exposed_item_new           (const char    *kind,
                                              const char    *name,
                                              const char    *category,
                                              double         inside,
                                              const char    *depth,
                                              guint          rank,
                                              double         latitude,
                                              double         longitude);
/* The kind ("site", "road", "building"...); borrowed. */
const char    *vg_exposed_item_get_kind      (VgExposedItem *self);
/* The name, or NULL; borrowed. */
const char    *vg_exposed_item_get_name      (VgExposedItem *self);
/* Where it is (WGS84). */
void           vg_exposed_item_get_location  (VgExposedItem *self,
                                              double        *latitude,
                                              double        *longitude);

G_END_DECLS
