/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <shumate/shumate.h>

#include "vg-site-category.h"

G_BEGIN_DECLS

#define VG_TYPE_SITES_LAYER (vg_sites_layer_get_type ())
G_DECLARE_FINAL_TYPE (VgSitesLayer, vg_sites_layer, VG, SITES_LAYER, ShumateLayer)

/* The sensitive sites drawn in one custom layer (a ShumateMarker per site would cost 2 s to add
 * and 85 ms a frame for 10,000 of them; one snapshot draws 10,000 points in ~3 ms). A click on
 * a symbol opens a popover with its name and category. */

/* New layer over @viewport showing the VgSite items of @sites. */
VgSitesLayer *vg_sites_layer_new                  (ShumateViewport *viewport,
                                                   GListModel      *sites);
/* Whether sites of @category are drawn. */
gboolean      vg_sites_layer_get_category_visible (VgSitesLayer    *self,
                                                   VgSiteCategory   category);
/* Shows or hides sites of @category. */
void          vg_sites_layer_set_category_visible (VgSitesLayer    *self,
                                                   VgSiteCategory   category,
                                                   gboolean         visible);
/* Opens the popover of @site (a VgSite of the model), as a click on it would. */
void          vg_sites_layer_show_site            (VgSitesLayer    *self,
                                                   gpointer         site);
/* Number of sites drawn in the last frame (visible categories, inside the view). */
guint         vg_sites_layer_get_n_drawn          (VgSitesLayer    *self);

G_END_DECLS
