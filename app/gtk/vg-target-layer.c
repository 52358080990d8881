/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-target-layer"

#include "config.h"

#include <math.h>

#include <json-glib/json-glib.h>

#include "vg-proposal-target.h"
#include "vg-target-layer.h"

struct _VgTargetLayer
{
  ShumateLayer  parent_instance;

  GListModel   *targets;
  VgTargetStyle style;
  guint         n_drawn;
};

G_DEFINE_FINAL_TYPE (VgTargetLayer, vg_target_layer, SHUMATE_TYPE_LAYER)

typedef void (*PositionFunc) (double lon, double lat, gpointer data);

static gboolean
is_position (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  return json_array_get_length (array) >= 2 && JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 0)) &&
         JSON_NODE_HOLDS_VALUE (json_array_get_element (array, 1));
}

/* Calls @func on each [lon, lat] of @coordinates, however deeply nested (Point, LineString,
 * MultiLineString, Polygon...), and @path_start (may be NULL) before each run of positions. */
static void
walk_positions (JsonArray *coordinates,
                void     (*path_start) (gpointer data),
                PositionFunc func,
                gpointer   data)
{
  guint n = json_array_get_length (coordinates);
  JsonNode *first;

  if (n == 0)
    return;
  first = json_array_get_element (coordinates, 0);
  if (JSON_NODE_HOLDS_VALUE (first))
    {
      /* A single position: a Point's coordinates. */
      if (n >= 2 && JSON_NODE_HOLDS_VALUE (json_array_get_element (coordinates, 1)))
        {
          if (path_start != NULL)
            path_start (data);
          func (json_array_get_double_element (coordinates, 0), json_array_get_double_element (coordinates, 1), data);
        }
      return;
    }
  if (is_position (first))
    {
      if (path_start != NULL)
        path_start (data);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *node = json_array_get_element (coordinates, i);

          if (is_position (node))
            {
              JsonArray *position = json_node_get_array (node);

              func (json_array_get_double_element (position, 0), json_array_get_double_element (position, 1), data);
            }
        }
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *child = json_array_get_element (coordinates, i);

      if (JSON_NODE_HOLDS_ARRAY (child))
        walk_positions (json_node_get_array (child), path_start, func, data);
    }
}

static JsonArray *
target_coordinates (VgProposalTarget *target,
                    const char      **type)
{
  JsonNode *geometry = vg_proposal_target_get_geometry (target);
  JsonObject *object;

  if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
    return NULL;
  object = json_node_get_object (geometry);
  *type = json_object_get_string_member_with_default (object, "type", "");
  if (!json_object_has_member (object, "coordinates") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "coordinates")))
    return NULL;
  return json_object_get_array_member (object, "coordinates");
}

typedef struct {
  VgTargetLayer *self;
  cairo_t       *cr;
  gboolean       new_path;
  guint          n;
} DrawState;

static void
draw_path_start (gpointer data)
{
  ((DrawState *) data)->new_path = TRUE;
}

static void
draw_position (double   lon,
               double   lat,
               gpointer data)
{
  DrawState *state = data;
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (state->self));
  double x, y;

  shumate_viewport_location_to_widget_coords (viewport, GTK_WIDGET (state->self), lat, lon, &x, &y);
  if (state->new_path)
    cairo_move_to (state->cr, x, y);
  else
    cairo_line_to (state->cr, x, y);
  state->new_path = FALSE;
  state->n++;
}

/* Lines and outlines: a white halo under a magenta (selected) or dark orange (exposed) stroke,
 * colours no hazard layer uses. */
static void
stroke_highlight (cairo_t       *cr,
                  VgTargetStyle  style,
                  double         width)
{
  if (style == VG_TARGET_STYLE_EXPOSED)
    width *= 0.6;
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, width + 4);
  cairo_stroke_preserve (cr);
  if (style == VG_TARGET_STYLE_EXPOSED)
    cairo_set_source_rgba (cr, 0.85, 0.37, 0.01, 0.95);
  else
    cairo_set_source_rgba (cr, 0.80, 0.0, 0.55, 0.95);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
vg_target_layer_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  VgTargetLayer *self = VG_TARGET_LAYER (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  ShumateViewport *viewport = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  DrawState state = { self, NULL, TRUE, 0 };
  guint n;

  self->n_drawn = 0;
  if (self->targets == NULL || width <= 0 || height <= 0)
    return;
  n = g_list_model_get_n_items (self->targets);
  state.cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_line_join (state.cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (state.cr, CAIRO_LINE_CAP_ROUND);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VgProposalTarget) target = g_list_model_get_item (self->targets, i);
      const char *type = NULL;
      JsonArray *coordinates = target_coordinates (target, &type);

      if (coordinates == NULL)
        continue;
      cairo_new_path (state.cr);
      if (g_str_has_suffix (type, "Point"))
        {
          double lon, lat, x, y;

          vg_proposal_target_get_position (target, &lon, &lat);
          if (isnan (lon) || isnan (lat))
            continue;
          shumate_viewport_location_to_widget_coords (viewport, widget, lat, lon, &x, &y);
          cairo_arc (state.cr, x, y, self->style == VG_TARGET_STYLE_EXPOSED ? 7 : 11, 0, 2 * G_PI);
          stroke_highlight (state.cr, self->style, 3.5);
          state.n++;
          continue;
        }
      walk_positions (coordinates, draw_path_start, draw_position, &state);
      stroke_highlight (state.cr, self->style, g_str_has_suffix (type, "Polygon") ? 3 : 6);
    }
  self->n_drawn = state.n;
  cairo_destroy (state.cr);
}

static void
vg_target_layer_dispose (GObject *object)
{
  VgTargetLayer *self = VG_TARGET_LAYER (object);

  g_clear_object (&self->targets);

  G_OBJECT_CLASS (vg_target_layer_parent_class)->dispose (object);
}

static void
vg_target_layer_class_init (VgTargetLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_target_layer_dispose;
  widget_class->snapshot = vg_target_layer_snapshot;
}

static void
vg_target_layer_init (VgTargetLayer *self)
{
  /* Clicks go through to the layers below. */
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

static void
redraw_cb (VgTargetLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

VgTargetLayer *
vg_target_layer_new (ShumateViewport *viewport)
{
  VgTargetLayer *self;

  g_return_val_if_fail (SHUMATE_IS_VIEWPORT (viewport), NULL);

  self = g_object_new (VG_TYPE_TARGET_LAYER, "viewport", viewport, NULL);
  g_signal_connect_object (viewport, "notify", G_CALLBACK (redraw_cb), self, G_CONNECT_SWAPPED);
  return self;
}

void
vg_target_layer_set_style (VgTargetLayer *self,
                           VgTargetStyle  style)
{
  g_return_if_fail (VG_IS_TARGET_LAYER (self));

  self->style = style;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
vg_target_layer_set_targets (VgTargetLayer *self,
                             GListModel    *targets)
{
  g_return_if_fail (VG_IS_TARGET_LAYER (self));
  g_return_if_fail (targets == NULL || G_IS_LIST_MODEL (targets));

  if (!g_set_object (&self->targets, targets))
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GListModel *
vg_target_layer_get_targets (VgTargetLayer *self)
{
  g_return_val_if_fail (VG_IS_TARGET_LAYER (self), NULL);

  return self->targets;
}

guint
vg_target_layer_get_n_drawn (VgTargetLayer *self)
{
  g_return_val_if_fail (VG_IS_TARGET_LAYER (self), 0);

  return self->n_drawn;
}

typedef struct {
  double min_lat, min_lon, max_lat, max_lon;
  gboolean any;
} Bounds;

static void
bounds_position (double   lon,
                 double   lat,
                 gpointer data)
{
  Bounds *b = data;

  if (isnan (lon) || isnan (lat))
    return;
  if (!b->any)
    {
      b->min_lat = b->max_lat = lat;
      b->min_lon = b->max_lon = lon;
      b->any = TRUE;
      return;
    }
  b->min_lat = MIN (b->min_lat, lat);
  b->max_lat = MAX (b->max_lat, lat);
  b->min_lon = MIN (b->min_lon, lon);
  b->max_lon = MAX (b->max_lon, lon);
}

gboolean
vg_target_layer_get_bounds (VgTargetLayer *self,
                            double        *min_lat,
                            double        *min_lon,
                            double        *max_lat,
                            double        *max_lon)
{
  Bounds b = { 0, 0, 0, 0, FALSE };

  g_return_val_if_fail (VG_IS_TARGET_LAYER (self), FALSE);

  for (guint i = 0; self->targets != NULL && i < g_list_model_get_n_items (self->targets); i++)
    {
      g_autoptr(VgProposalTarget) target = g_list_model_get_item (self->targets, i);
      const char *type = NULL;
      JsonArray *coordinates = target_coordinates (target, &type);

      if (coordinates != NULL)
        walk_positions (coordinates, NULL, bounds_position, &b);
    }
  *min_lat = b.min_lat;
  *min_lon = b.min_lon;
  *max_lat = b.max_lat;
  *max_lon = b.max_lon;
  return b.any;
}
