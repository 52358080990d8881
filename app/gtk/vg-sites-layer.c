/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-sites-layer"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-site.h"
#include "vg-site-symbol.h"
#include "vg-sites-layer.h"

#define HIT_RADIUS 12.0

struct _VgSitesLayer
{
  ShumateLayer  parent_instance;

  GListModel   *sites;
  guint         hidden;      /* bit per VgSiteCategory */
  guint         n_drawn;
  GtkWidget    *popover;
  GtkWidget    *popover_title;
  GtkWidget    *popover_detail;
};

G_DEFINE_FINAL_TYPE (VgSitesLayer, vg_sites_layer, SHUMATE_TYPE_LAYER)

/* Symbols grow a little with zoom so the city stays readable at both ends. */
static double
symbol_size (ShumateViewport *viewport)
{
  double zoom = shumate_viewport_get_zoom_level (viewport);

  return CLAMP (7 + (zoom - 12) * 2.2, 5, 18);
}

static void
vg_sites_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  VgSitesLayer *self = VG_SITES_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double size = symbol_size (viewport);
  cairo_t *cr;

  self->n_drawn = 0;
  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  for (guint i = 0; i < g_list_model_get_n_items (self->sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (self->sites, i);
      double x, y;

      if (self->hidden & (1u << vg_site_get_category (site)))
        continue;
      shumate_viewport_location_to_widget_coords (viewport, widget, vg_site_get_latitude (site),
                                                  vg_site_get_longitude (site), &x, &y);
      if (x < -size || y < -size || x > width + size || y > height + size)
        continue;
      vg_site_symbol_draw (cr, vg_site_get_category (site), x, y, size);
      self->n_drawn++;
    }
  cairo_destroy (cr);

  GTK_WIDGET_CLASS (vg_sites_layer_parent_class)->snapshot (widget, snapshot);
}

static void
vg_sites_layer_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  VgSitesLayer *self = VG_SITES_LAYER (widget);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

/* The visible site nearest to @x, @y within HIT_RADIUS pixels, or NULL. */
static VgSite *
site_at (VgSitesLayer *self,
         double        x,
         double        y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  VgSite *best = NULL;
  double best_d2 = HIT_RADIUS * HIT_RADIUS;

  for (guint i = 0; i < g_list_model_get_n_items (self->sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (self->sites, i);
      double sx, sy, d2;

      if (self->hidden & (1u << vg_site_get_category (site)))
        continue;
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self),
                                                  vg_site_get_latitude (site),
                                                  vg_site_get_longitude (site), &sx, &sy);
      d2 = (sx - x) * (sx - x) + (sy - y) * (sy - y);
      if (d2 < best_d2)
        {
          best_d2 = d2;
          best = site;
        }
    }
  return best ? g_object_ref (best) : NULL;
}

static void
show_site_at (VgSitesLayer *self,
              VgSite       *site,
              double        x,
              double        y)
{
  g_autofree char *detail = NULL;

  gtk_label_set_text (GTK_LABEL (self->popover_title), vg_site_get_name (site));
  detail = g_strdup_printf ("%s\n%.5f° N, %.5f° E", vg_site_category_get_label (vg_site_get_category (site)),
                            vg_site_get_latitude (site), vg_site_get_longitude (site));
  gtk_label_set_text (GTK_LABEL (self->popover_detail), detail);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &(GdkRectangle) { x - 6, y - 6, 12, 12 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            VgSitesLayer    *self)
{
  g_autoptr(VgSite) site = site_at (self, x, y);

  /* Only a click on a symbol is ours; anything else pans or zooms the map as usual. */
  if (site == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_site_at (self, site, x, y);
}

static void
viewport_changed_cb (VgSitesLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vg_sites_layer_dispose (GObject *object)
{
  VgSitesLayer *self = VG_SITES_LAYER (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->sites);

  G_OBJECT_CLASS (vg_sites_layer_parent_class)->dispose (object);
}

static void
vg_sites_layer_constructed (GObject *object)
{
  VgSitesLayer *self = VG_SITES_LAYER (object);

  G_OBJECT_CLASS (vg_sites_layer_parent_class)->constructed (object);

  /* ShumateLayer has no viewport-changed hook: redraw on any viewport change. */
  g_signal_connect_object (shumate_layer_get_viewport (SHUMATE_LAYER (self)), "notify",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
vg_sites_layer_class_init (VgSitesLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_sites_layer_dispose;
  object_class->constructed = vg_sites_layer_constructed;
  widget_class->snapshot = vg_sites_layer_snapshot;
  widget_class->size_allocate = vg_sites_layer_size_allocate;
}

static void
vg_sites_layer_init (VgSitesLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  self->popover_title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->popover_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->popover_title), 0);
  gtk_label_set_selectable (GTK_LABEL (self->popover_title), TRUE);
  self->popover_detail = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->popover_detail), 0);
  gtk_widget_add_css_class (self->popover_detail, "dim-label");
  gtk_box_append (GTK_BOX (box), self->popover_title);
  gtk_box_append (GTK_BOX (box), self->popover_detail);

  self->popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->popover), box);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

VgSitesLayer *
vg_sites_layer_new (ShumateViewport *viewport,
                    GListModel      *sites)
{
  VgSitesLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (sites), NULL);

  self = g_object_new (VG_TYPE_SITES_LAYER, "viewport", viewport, NULL);
  self->sites = g_object_ref (sites);
  return self;
}

gboolean
vg_sites_layer_get_category_visible (VgSitesLayer   *self,
                                     VgSiteCategory  category)
{
  g_return_val_if_fail (VG_IS_SITES_LAYER (self), FALSE);
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, FALSE);

  return !(self->hidden & (1u << category));
}

void
vg_sites_layer_set_category_visible (VgSitesLayer   *self,
                                     VgSiteCategory  category,
                                     gboolean        visible)
{
  g_return_if_fail (VG_IS_SITES_LAYER (self));
  g_return_if_fail (category < VG_N_SITE_CATEGORIES);

  if (visible)
    self->hidden &= ~(1u << category);
  else
    self->hidden |= 1u << category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vg_sites_layer_show_site (VgSitesLayer *self,
                          gpointer      site)
{
  ShumateViewport *viewport;
  double x, y;

  g_return_if_fail (VG_IS_SITES_LAYER (self));
  g_return_if_fail (VG_IS_SITE (site));

  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), vg_site_get_latitude (site),
                                              vg_site_get_longitude (site), &x, &y);
  show_site_at (self, site, x, y);
}

guint
vg_sites_layer_get_n_drawn (VgSitesLayer *self)
{
  g_return_val_if_fail (VG_IS_SITES_LAYER (self), 0);

  return self->n_drawn;
}
