/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define VG_TYPE_POINT_LAYER (vg_point_layer_get_type ())
G_DECLARE_FINAL_TYPE (VgPointLayer, vg_point_layer, VG, POINT_LAYER, ShumateLayer)

/* A map layer of point items of a GListModel (gauges, incidents, sites...), all drawn in one
 * snapshot — libshumate's markers cost a widget each — with a popover for the one clicked
 * (::item-shown says which). What
 * an item looks like and says is given by the functions below. */

/* Position of @item; FALSE if it has none (not drawn). */
typedef gboolean   (*VgPointLocateFunc)  (gpointer item,
                                          double  *latitude,
                                          double  *longitude);
/* Draws @item centred on @x, @y, @size pixels wide. */
typedef void       (*VgPointDrawFunc)    (cairo_t *cr,
                                          gpointer item,
                                          double   x,
                                          double   y,
                                          double   size);
/* The popover's content for @item (a new floating widget). */
typedef GtkWidget *(*VgPointDetailFunc)  (gpointer item);

/* New layer over @viewport showing @model's items; @size is the symbol size at zoom 12. */
VgPointLayer *vg_point_layer_new          (ShumateViewport   *viewport,
                                           GListModel        *model,
                                           double             size,
                                           VgPointLocateFunc  locate,
                                           VgPointDrawFunc    draw,
                                           VgPointDetailFunc  detail);
/* Opens the popover of @item, as a click on it would. */
void          vg_point_layer_show_item    (VgPointLayer      *self,
                                           gpointer           item);
/* Number of items drawn in the last frame. */
guint         vg_point_layer_get_n_drawn  (VgPointLayer      *self);

G_END_DECLS
