/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-point-layer"

#include "config.h"

#include "vg-point-layer.h"

#define HIT_RADIUS 14.0

struct _VgPointLayer
{
  ShumateLayer       parent_instance;

  GListModel        *model;
  double             size;
  VgPointLocateFunc  locate;
  VgPointDrawFunc    draw;
  VgPointDetailFunc  detail;
  guint              n_drawn;
  GtkWidget         *popover;
};

G_DEFINE_FINAL_TYPE (VgPointLayer, vg_point_layer, SHUMATE_TYPE_LAYER)

enum { ITEM_SHOWN, N_SIGNALS };
static guint signals[N_SIGNALS];

static double
symbol_size (VgPointLayer *self)
{
  double zoom = shumate_viewport_get_zoom_level (shumate_layer_get_viewport (SHUMATE_LAYER (self)));

  return CLAMP (self->size + (zoom - 12) * 1.5, self->size * 0.75, self->size * 1.8);
}

static void
vg_point_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  VgPointLayer *self = VG_POINT_LAYER (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double size = symbol_size (self);
  cairo_t *cr;

  self->n_drawn = 0;
  if (width > 0 && height > 0 && g_list_model_get_n_items (self->model) > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      for (guint i = 0; i < g_list_model_get_n_items (self->model); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->model, i);
          double lat, lon, x, y;

          if (!self->locate (item, &lat, &lon))
            continue;
          shumate_viewport_location_to_widget_coords (viewport, widget, lat, lon, &x, &y);
          if (x < -size || y < -size || x > width + size || y > height + size)
            continue;
          self->draw (cr, item, x, y, size);
          self->n_drawn++;
        }
      cairo_destroy (cr);
    }
  GTK_WIDGET_CLASS (vg_point_layer_parent_class)->snapshot (widget, snapshot);
}

static void
vg_point_layer_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  VgPointLayer *self = VG_POINT_LAYER (widget);

  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static gpointer
item_at (VgPointLayer *self,
         double        x,
         double        y)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  gpointer best = NULL;
  double best_d2 = HIT_RADIUS * HIT_RADIUS;

  for (guint i = 0; i < g_list_model_get_n_items (self->model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);
      double lat, lon, ix, iy, d2;

      if (!self->locate (item, &lat, &lon))
        continue;
      shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), lat, lon, &ix, &iy);
      d2 = (ix - x) * (ix - x) + (iy - y) * (iy - y);
      if (d2 < best_d2)
        {
          best_d2 = d2;
          g_clear_object (&best);
          best = g_steal_pointer (&item);
        }
    }
  return best;
}

static void
show_at (VgPointLayer *self,
         gpointer      item,
         double        x,
         double        y)
{
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->detail (item));
  gtk_popover_set_pointing_to (GTK_POPOVER (self->popover), &(GdkRectangle) { x - 6, y - 6, 12, 12 });
  gtk_popover_popup (GTK_POPOVER (self->popover));
  g_signal_emit (self, signals[ITEM_SHOWN], 0, item);
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            VgPointLayer    *self)
{
  g_autoptr(GObject) item = item_at (self, x, y);

  /* Only a click on a symbol is ours; anything else pans or zooms the map as usual. */
  if (item == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  show_at (self, item, x, y);
}

static void
redraw_cb (VgPointLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vg_point_layer_dispose (GObject *object)
{
  VgPointLayer *self = VG_POINT_LAYER (object);

  g_clear_pointer (&self->popover, gtk_widget_unparent);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vg_point_layer_parent_class)->dispose (object);
}

static void
vg_point_layer_class_init (VgPointLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_point_layer_dispose;
  widget_class->snapshot = vg_point_layer_snapshot;
  widget_class->size_allocate = vg_point_layer_size_allocate;

  /* The popover of an item was opened (the GObject item). */
  signals[ITEM_SHOWN] = g_signal_new ("item-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                      NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
}

static void
vg_point_layer_init (VgPointLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  self->popover = gtk_popover_new ();
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

VgPointLayer *
vg_point_layer_new (ShumateViewport   *viewport,
                    GListModel        *model,
                    double             size,
                    VgPointLocateFunc  locate,
                    VgPointDrawFunc    draw,
                    VgPointDetailFunc  detail)
{
  VgPointLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (locate != NULL && draw != NULL && detail != NULL, NULL);

  self = g_object_new (VG_TYPE_POINT_LAYER, "viewport", viewport, NULL);
  self->model = g_object_ref (model);
  self->size = size;
  self->locate = locate;
  self->draw = draw;
  self->detail = detail;
  /* ShumateLayer has no viewport-changed hook: redraw on any viewport or model change. */
  g_signal_connect_object (viewport, "notify", G_CALLBACK (redraw_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "items-changed", G_CALLBACK (redraw_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
vg_point_layer_show_item (VgPointLayer *self,
                          gpointer      item)
{
  ShumateViewport *viewport;
  double lat, lon, x, y;

  g_return_if_fail (VG_IS_POINT_LAYER (self));

  if (!self->locate (item, &lat, &lon))
    return;
  viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (self), lat, lon, &x, &y);
  show_at (self, item, x, y);
}

guint
vg_point_layer_get_n_drawn (VgPointLayer *self)
{
  g_return_val_if_fail (VG_IS_POINT_LAYER (self), 0);

  return self->n_drawn;
}
