/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-area-layer"

#include "config.h"

#include <math.h>

#include "vg-area-layer.h"

#define EARTH_RADIUS 6378137.0

typedef struct
{
  GdkRGBA fill;
  GdkRGBA stroke;
  double  stroke_width;
  gboolean has_stroke;
} AreaStyle;

struct _VgAreaLayer
{
  ShumateLayer  parent_instance;

  VgShapeSet   *shapes;   /* Web Mercator, one shape per area */
  GArray       *styles;   /* AreaStyle per area */
};

G_DEFINE_FINAL_TYPE (VgAreaLayer, vg_area_layer, SHUMATE_TYPE_LAYER)

enum { AREA_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The affine map Web Mercator metres → widget pixels of the current view: x' = a x + b y + c,
 * y' = d x + e y + f, from three points near the view's centre. */
static void
view_affine (VgAreaLayer *self,
             double       m[6])
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  GtkWidget *widget = GTK_WIDGET (self);
  double lat = shumate_location_get_latitude (SHUMATE_LOCATION (viewport));
  double lon = shumate_location_get_longitude (SHUMATE_LOCATION (viewport));
  double x0 = EARTH_RADIUS * lon * G_PI / 180, y0 = EARTH_RADIUS * log (tan (G_PI / 4 + lat * G_PI / 360));
  double px[3], py[3];
  const double step = 1000;

  for (guint i = 0; i < 3; i++)
    {
      double x = x0 + (i == 1 ? step : 0), y = y0 + (i == 2 ? step : 0);
      double plon = x / EARTH_RADIUS * 180 / G_PI;
      double plat = (2 * atan (exp (y / EARTH_RADIUS)) - G_PI / 2) * 180 / G_PI;

      shumate_viewport_location_to_widget_coords (viewport, widget, plat, plon, &px[i], &py[i]);
    }
  m[0] = (px[1] - px[0]) / step;
  m[1] = (px[2] - px[0]) / step;
  m[2] = px[0] - m[0] * x0 - m[1] * y0;
  m[3] = (py[1] - py[0]) / step;
  m[4] = (py[2] - py[0]) / step;
  m[5] = py[0] - m[3] * x0 - m[4] * y0;
}

static void
vg_area_layer_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VgAreaLayer *self = VG_AREA_LAYER (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  guint n = vg_shape_set_get_n_shapes (self->shapes);
  cairo_t *cr;
  double m[6];

  if (n == 0 || width <= 0 || height <= 0)
    return;
  view_affine (self, m);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint a = 0; a < n; a++)
    {
      const AreaStyle *style = &g_array_index (self->styles, AreaStyle, a);
      const double *bbox = vg_shape_set_get_bbox (self->shapes, a);
      double bx[2] = { m[0] * bbox[0] + m[1] * bbox[1] + m[2], m[0] * bbox[2] + m[1] * bbox[3] + m[2] };
      double by[2] = { m[3] * bbox[0] + m[4] * bbox[1] + m[5], m[3] * bbox[2] + m[4] * bbox[3] + m[5] };

      if (style->fill.alpha <= 0 && !style->has_stroke)
        continue;
      /* Off screen (the box's image is exact without rotation, and generous with it). */
      if (MAX (bx[0], bx[1]) < -width || MIN (bx[0], bx[1]) > 2 * width ||
          MAX (by[0], by[1]) < -height || MIN (by[0], by[1]) > 2 * height)
        continue;
      cairo_new_path (cr);
      for (guint p = 0; p < vg_shape_set_get_n_parts (self->shapes, a); p++)
        {
          guint n_points;
          const double *xy = vg_shape_set_get_part (self->shapes, a, p, &n_points, NULL);

          for (guint i = 0; i < n_points; i++)
            {
              double x = m[0] * xy[2 * i] + m[1] * xy[2 * i + 1] + m[2];
              double y = m[3] * xy[2 * i] + m[4] * xy[2 * i + 1] + m[5];

              if (i == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          cairo_close_path (cr);
        }
      if (style->fill.alpha > 0)
        {
          gdk_cairo_set_source_rgba (cr, &style->fill);
          cairo_fill_preserve (cr);
        }
      if (style->has_stroke)
        {
          gdk_cairo_set_source_rgba (cr, &style->stroke);
          cairo_set_line_width (cr, style->stroke_width);
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
    }
  cairo_destroy (cr);
}

/* Even-odd point in polygon over every ring of area @a. */
static gboolean
area_contains (VgAreaLayer *self,
               guint        a,
               double       x,
               double       y)
{
  const double *bbox = vg_shape_set_get_bbox (self->shapes, a);
  gboolean inside = FALSE;

  if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3])
    return FALSE;
  for (guint p = 0; p < vg_shape_set_get_n_parts (self->shapes, a); p++)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (self->shapes, a, p, &n, NULL);

      if (n == 0)
        continue;
      for (guint i = 0, j = n - 1; i < n; j = i++)
        if (((xy[2 * i + 1] > y) != (xy[2 * j + 1] > y)) &&
            x < (xy[2 * j] - xy[2 * i]) * (y - xy[2 * i + 1]) / (xy[2 * j + 1] - xy[2 * i + 1]) + xy[2 * i])
          inside = !inside;
    }
  return inside;
}

int
vg_area_layer_find (VgAreaLayer *self,
                    double       x,
                    double       y)
{
  g_return_val_if_fail (VG_IS_AREA_LAYER (self), -1);

  for (guint a = vg_shape_set_get_n_shapes (self->shapes); a-- > 0; )
    if (g_array_index (self->styles, AreaStyle, a).fill.alpha > 0 && area_contains (self, a, x, y))
      return a;
  return -1;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            VgAreaLayer     *self)
{
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  double lat, lon, mx, my;
  int area;

  shumate_viewport_widget_coords_to_location (viewport, GTK_WIDGET (self), x, y, &lat, &lon);
  mx = EARTH_RADIUS * lon * G_PI / 180;
  my = EARTH_RADIUS * log (tan (G_PI / 4 + lat * G_PI / 360));
  area = vg_area_layer_find (self, mx, my);
  /* Not claimed: a click on an area still lets the map pan, and points above stay clickable. */
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
  if (area >= 0 && n_press == 1)
    g_signal_emit (self, signals[AREA_ACTIVATED], 0, (guint) area);
}

static void
vg_area_layer_finalize (GObject *object)
{
  VgAreaLayer *self = VG_AREA_LAYER (object);

  g_clear_pointer (&self->shapes, vg_shape_set_unref);
  g_clear_pointer (&self->styles, g_array_unref);

  G_OBJECT_CLASS (vg_area_layer_parent_class)->finalize (object);
}

static void
vg_area_layer_class_init (VgAreaLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vg_area_layer_finalize;
  widget_class->snapshot = vg_area_layer_snapshot;

  /* A click fell inside area @area (the topmost visible one). */
  signals[AREA_ACTIVATED] = g_signal_new ("area-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
redraw_cb (VgAreaLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
vg_area_layer_init (VgAreaLayer *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->shapes = vg_shape_set_new ();
  self->styles = g_array_new (FALSE, TRUE, sizeof (AreaStyle));
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

VgAreaLayer *
vg_area_layer_new (ShumateViewport *viewport)
{
  VgAreaLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (VG_TYPE_AREA_LAYER, "viewport", viewport, NULL);
  g_signal_connect_object (viewport, "notify", G_CALLBACK (redraw_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
vg_area_layer_clear (VgAreaLayer *self)
{
  g_return_if_fail (VG_IS_AREA_LAYER (self));

  g_clear_pointer (&self->shapes, vg_shape_set_unref);
  self->shapes = vg_shape_set_new ();
  g_array_set_size (self->styles, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vg_area_layer_add (VgAreaLayer     *self,
                   VgShapeSet      *shapes,
                   guint            index,
                   VgCrsTransform  *to_mercator,
                   const GdkRGBA   *fill,
                   const GdkRGBA   *stroke,
                   double           stroke_width,
                   GError         **error)
{
  AreaStyle style = { 0 };
  guint n_parts;

  g_return_val_if_fail (VG_IS_AREA_LAYER (self), G_MAXUINT);
  g_return_val_if_fail (shapes != NULL && index < vg_shape_set_get_n_shapes (shapes), G_MAXUINT);
  g_return_val_if_fail (fill != NULL, G_MAXUINT);

  n_parts = vg_shape_set_get_n_parts (shapes, index);
  vg_shape_set_begin_shape (self->shapes, VG_SHAPE_POLYGON);
  for (guint p = 0; p < n_parts; p++)
    {
      gboolean outer = TRUE;
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, &outer);
      g_autofree double *copy = g_memdup2 (xy, sizeof (double) * 2 * n);

      if (to_mercator != NULL && !vg_crs_transform_apply (to_mercator, copy, n, error))
        {
          vg_shape_set_abort_shape (self->shapes);
          return G_MAXUINT;
        }
      vg_shape_set_begin_part (self->shapes, outer);
      for (guint i = 0; i < n; i++)
        vg_shape_set_add_point (self->shapes, copy[2 * i], copy[2 * i + 1]);
    }
  vg_shape_set_end_shape (self->shapes);
  style.fill = *fill;
  if (stroke != NULL)
    {
      style.stroke = *stroke;
      style.has_stroke = TRUE;
      style.stroke_width = stroke_width;
    }
  g_array_append_val (self->styles, style);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return self->styles->len - 1;
}

void
vg_area_layer_set_fill (VgAreaLayer   *self,
                        guint          area,
                        const GdkRGBA *fill)
{
  g_return_if_fail (VG_IS_AREA_LAYER (self));
  g_return_if_fail (area < self->styles->len);

  g_array_index (self->styles, AreaStyle, area).fill = *fill;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
vg_area_layer_get_n_areas (VgAreaLayer *self)
{
  g_return_val_if_fail (VG_IS_AREA_LAYER (self), 0);

  return self->styles->len;
}
