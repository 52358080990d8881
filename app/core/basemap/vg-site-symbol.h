/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <cairo.h>

#include "vg-site-category.h"

G_BEGIN_DECLS

/* The map symbol of each site category: a shape and a colour (Okabe–Ito palette, safe for
 * colour-blind readers), so the category is told by shape alone as well. Drawn with cairo, so
 * the map, its legend and printed reports show the same symbol. */

/* Draws the symbol of @category centred on @x, @y, @size pixels wide. */
void vg_site_symbol_draw      (cairo_t        *cr,
                               VgSiteCategory  category,
                               double          x,
                               double          y,
                               double          size);
/* Fill colour of @category's symbol as r, g, b in 0–1. */
void vg_site_symbol_get_color (VgSiteCategory  category,
                               double         *r,
                               double         *g,
                               double         *b);

G_END_DECLS
