/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-tile-renderer"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "vg-basemap-labels.h"
#include "vg-error.h"
#include "vg-tile-renderer.h"

/* Bump when the drawing changes, so cached tiles are redrawn. */
#define RENDERER_VERSION 1
#define EARTH_HALF_CIRCUMFERENCE 20037508.342789244

struct _VgTileRenderer
{
  GObject         parent_instance;

  VgBasemap      *basemap;
  VgBasemapStyle  style;
  char           *cache_key;

  GMutex          labels_lock;
  GArray         *labels[VG_TILE_MAX_ZOOM + 1];   /* placed lazily, once per zoom */
};

G_DEFINE_FINAL_TYPE (VgTileRenderer, vg_tile_renderer, G_TYPE_OBJECT)

/* A tile being drawn: the mapping from Web Mercator metres to tile pixels. */
typedef struct
{
  cairo_t                *cr;
  const VgBasemapPalette *palette;
  guint                   zoom;
  double                  scale;      /* pixels per metre */
  double                  origin_x;   /* metres at the tile's left edge */
  double                  origin_y;   /* metres at the tile's top edge */
  double                  bounds[4];  /* tile in metres, with a margin */
} Tile;

static void
vg_tile_renderer_finalize (GObject *object)
{
  VgTileRenderer *self = VG_TILE_RENDERER (object);

  for (guint i = 0; i <= VG_TILE_MAX_ZOOM; i++)
    g_clear_pointer (&self->labels[i], g_array_unref);
  g_mutex_clear (&self->labels_lock);
  g_clear_object (&self->basemap);
  g_clear_pointer (&self->cache_key, g_free);

  G_OBJECT_CLASS (vg_tile_renderer_parent_class)->finalize (object);
}

static void
vg_tile_renderer_class_init (VgTileRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = vg_tile_renderer_finalize;
}

static void
vg_tile_renderer_init (VgTileRenderer *self)
{
  g_mutex_init (&self->labels_lock);
}

VgTileRenderer *
vg_tile_renderer_new (VgBasemap      *basemap,
                      VgBasemapStyle  style)
{
  VgTileRenderer *self;

  g_return_val_if_fail (VG_IS_BASEMAP (basemap), NULL);

  self = g_object_new (VG_TYPE_TILE_RENDERER, NULL);
  self->basemap = g_object_ref (basemap);
  self->style = style;
  self->cache_key = g_strdup_printf ("vigie-basemap/%d/%s/%s", RENDERER_VERSION,
                                     vg_basemap_style_to_string (style),
                                     vg_basemap_get_data_version (basemap));
  return self;
}

VgBasemap *
vg_tile_renderer_get_basemap (VgTileRenderer *self)
{
  g_return_val_if_fail (VG_IS_TILE_RENDERER (self), NULL);

  return self->basemap;
}

VgBasemapStyle
vg_tile_renderer_get_style (VgTileRenderer *self)
{
  g_return_val_if_fail (VG_IS_TILE_RENDERER (self), VG_BASEMAP_STYLE_DAY);

  return self->style;
}

const char *
vg_tile_renderer_get_cache_key (VgTileRenderer *self)
{
  g_return_val_if_fail (VG_IS_TILE_RENDERER (self), NULL);

  return self->cache_key;
}

static GArray *
get_labels (VgTileRenderer *self,
            guint           zoom)
{
  g_autoptr(GMutexLocker) locker = NULL;

  /* Assigned apart from its declaration: clang counts a locker only ever initialised as unused. */
  locker = g_mutex_locker_new (&self->labels_lock);
  if (self->labels[zoom] == NULL)
    self->labels[zoom] = vg_basemap_labels_place (self->basemap, zoom);
  return self->labels[zoom];
}

static inline void
set_rgb (cairo_t     *cr,
         const VgRgb *rgb)
{
  cairo_set_source_rgb (cr, rgb->r, rgb->g, rgb->b);
}

static inline gboolean
visible (const Tile   *t,
         const double *bbox)
{
  return bbox[0] <= t->bounds[2] && bbox[2] >= t->bounds[0] &&
         bbox[1] <= t->bounds[3] && bbox[3] >= t->bounds[1];
}

/* Adds shape @index to the path, skipping vertices closer than a third of a pixel to the
 * previous one (a commune outline has thousands of vertices per pixel at low zoom). */
static void
append_shape (const Tile *t,
              VgShapeSet *shapes,
              guint       index,
              gboolean    close_parts)
{
  for (guint p = 0; p < vg_shape_set_get_n_parts (shapes, index); p++)
    {
      guint n;
      const double *xy = vg_shape_set_get_part (shapes, index, p, &n, NULL);
      double last_x = 0, last_y = 0;

      for (guint i = 0; i < n; i++)
        {
          double px = (xy[2 * i] - t->origin_x) * t->scale;
          double py = (t->origin_y - xy[2 * i + 1]) * t->scale;

          if (i == 0)
            cairo_move_to (t->cr, px, py);
          else if (i == n - 1 || fabs (px - last_x) + fabs (py - last_y) > 0.33)
            cairo_line_to (t->cr, px, py);
          else
            continue;
          last_x = px;
          last_y = py;
        }
      if (close_parts)
        cairo_close_path (t->cr);
    }
}

static void
append_layer (const Tile *t,
              VgLayer    *layer,
              gboolean    close_parts)
{
  VgShapeSet *shapes = vg_layer_get_shapes (layer);

  for (guint i = 0; i < vg_shape_set_get_n_shapes (shapes); i++)
    if (visible (t, vg_shape_set_get_bbox (shapes, i)))
      append_shape (t, shapes, i, close_parts);
}

static void
draw_polygons (const Tile  *t,
               VgLayer     *layer,
               const VgRgb *fill,
               const VgRgb *line,
               double       line_width)
{
  cairo_new_path (t->cr);
  append_layer (t, layer, TRUE);
  set_rgb (t->cr, fill);
  if (line == NULL)
    {
      cairo_fill (t->cr);
      return;
    }
  cairo_fill_preserve (t->cr);
  set_rgb (t->cr, line);
  cairo_set_line_width (t->cr, line_width);
  cairo_stroke (t->cr);
}

static void
draw_boundaries (const Tile  *t,
                 VgLayer     *layer,
                 const VgRgb *color,
                 double       width,
                 const double *dashes,
                 int          n_dashes)
{
  cairo_new_path (t->cr);
  append_layer (t, layer, TRUE);
  set_rgb (t->cr, color);
  cairo_set_line_width (t->cr, width);
  cairo_set_dash (t->cr, dashes, n_dashes, 0);
  cairo_stroke (t->cr);
  cairo_set_dash (t->cr, NULL, 0, 0);
}

static void
draw_streets (const Tile *t,
              VgBasemap  *basemap)
{
  VgLayer *layer = vg_basemap_get_layer (basemap, VG_BASEMAP_STREETS);
  VgShapeSet *shapes = vg_layer_get_shapes (layer);
  int klass = vg_basemap_get_column (basemap, VG_BASEMAP_STREETS, "class");
  g_autofree guint8 *classes = NULL;
  guint n = vg_shape_set_get_n_shapes (shapes);

  classes = g_new (guint8, n);
  for (guint i = 0; i < n; i++)
    classes[i] = vg_road_class_from_string (vg_layer_get_value (layer, i, klass));

  cairo_set_line_cap (t->cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (t->cr, CAIRO_LINE_JOIN_ROUND);

  /* Casings of every class first, then fills from minor to major: junctions merge cleanly. */
  for (int pass = 0; pass < 2; pass++)
    for (guint c = 0; c < VG_N_ROAD_CLASSES; c++)
      {
        double width = vg_road_width (c, t->zoom);
        double casing = vg_road_casing_width (width);

        if (width <= 0 || (pass == 0 && casing <= 0))
          continue;
        cairo_new_path (t->cr);
        for (guint i = 0; i < n; i++)
          if (classes[i] == c && visible (t, vg_shape_set_get_bbox (shapes, i)))
            append_shape (t, shapes, i, FALSE);
        if (pass == 0)
          {
            set_rgb (t->cr, &t->palette->road_casing[c]);
            cairo_set_line_width (t->cr, width + 2 * casing);
          }
        else
          {
            set_rgb (t->cr, width < 2 ? &t->palette->road_casing[c] : &t->palette->road[c]);
            cairo_set_line_width (t->cr, width);
          }
        cairo_stroke (t->cr);
      }
}

static void
draw_labels (const Tile     *t,
             VgTileRenderer *self,
             guint           tile_x,
             guint           tile_y)
{
  GArray *labels = get_labels (self, t->zoom);
  double left = tile_x * (double) VG_TILE_SIZE, top = tile_y * (double) VG_TILE_SIZE;
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (t->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Identical glyphs on every machine and in every tile: no hinting, greyscale antialiasing. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), options);
  cairo_font_options_destroy (options);
  pango_font_description_set_family (font, "Sans");

  for (guint i = 0; i < labels->len; i++)
    {
      const VgLabel *label = &g_array_index (labels, VgLabel, i);
      const VgRgb *color;
      int w, h;

      if (label->bbox[2] < left || label->bbox[0] > left + VG_TILE_SIZE ||
          label->bbox[3] < top || label->bbox[1] > top + VG_TILE_SIZE)
        continue;

      pango_font_description_set_absolute_size (font, label->size * PANGO_SCALE);
      pango_font_description_set_style (font, label->kind == VG_LABEL_WATER ? PANGO_STYLE_ITALIC
                                                                           : PANGO_STYLE_NORMAL);
      pango_font_description_set_weight (font, label->kind == VG_LABEL_PLACE ? PANGO_WEIGHT_BOLD
                                                                          : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, label->text, -1);
      pango_layout_get_pixel_size (layout, &w, &h);

      color = label->kind == VG_LABEL_WATER ? &t->palette->water_label
            : label->kind == VG_LABEL_STREET ? &t->palette->label : &t->palette->place_label;

      cairo_save (t->cr);
      cairo_translate (t->cr, label->x - left, label->y - top);
      cairo_rotate (t->cr, label->angle);
      cairo_move_to (t->cr, -w / 2.0, -h / 2.0);
      pango_cairo_layout_path (t->cr, layout);
      set_rgb (t->cr, &t->palette->label_halo);
      cairo_set_line_width (t->cr, 3);
      cairo_set_line_join (t->cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke_preserve (t->cr);
      set_rgb (t->cr, color);
      cairo_fill (t->cr);
      cairo_restore (t->cr);
    }
}

cairo_surface_t *
vg_tile_renderer_render_surface (VgTileRenderer  *self,
                                 guint            zoom,
                                 guint            x,
                                 guint            y,
                                 GError         **error)
{
  static const double commune_dash[] = { 6, 3, 1.5, 3 };
  static const double quartier_dash[] = { 2, 3 };
  cairo_surface_t *surface;
  Tile t = { 0 };
  double world, margin;
  VgBasemap *b;

  g_return_val_if_fail (VG_IS_TILE_RENDERER (self), NULL);

  if (zoom > VG_TILE_MAX_ZOOM || x >= (1u << zoom) || y >= (1u << zoom))
    {
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_NOT_FOUND,
                   "Tile %u/%u/%u is outside the map (zoom 0–%d)", zoom, x, y, VG_TILE_MAX_ZOOM);
      return NULL;
    }

  b = self->basemap;
  world = (double) VG_TILE_SIZE * (1u << zoom);
  t.zoom = zoom;
  t.palette = vg_basemap_style_get_palette (self->style);
  t.scale = world / (2 * EARTH_HALF_CIRCUMFERENCE);
  t.origin_x = -EARTH_HALF_CIRCUMFERENCE + x * VG_TILE_SIZE / t.scale;
  t.origin_y = EARTH_HALF_CIRCUMFERENCE - y * VG_TILE_SIZE / t.scale;
  margin = 24 / t.scale;   /* wide strokes reach in from neighbouring tiles */
  t.bounds[0] = t.origin_x - margin;
  t.bounds[1] = t.origin_y - VG_TILE_SIZE / t.scale - margin;
  t.bounds[2] = t.origin_x + VG_TILE_SIZE / t.scale + margin;
  t.bounds[3] = t.origin_y + margin;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, VG_TILE_SIZE, VG_TILE_SIZE);
  t.cr = cairo_create (surface);

  set_rgb (t.cr, &t.palette->outside);
  cairo_paint (t.cr);

  draw_polygons (&t, vg_basemap_get_layer (b, VG_BASEMAP_METROPOLE), &t.palette->land, NULL, 0);
  draw_polygons (&t, vg_basemap_get_layer (b, VG_BASEMAP_WATERCOURSES), &t.palette->water,
                 zoom >= 15 ? &t.palette->water_line : NULL, 0.6);
  if (zoom >= 14)
    draw_polygons (&t, vg_basemap_get_layer (b, VG_BASEMAP_BUILDINGS), &t.palette->building,
                   zoom >= 15 ? &t.palette->building_line : NULL, 0.7);
  if (zoom >= 13 && zoom <= 16)
    draw_boundaries (&t, vg_basemap_get_layer (b, VG_BASEMAP_QUARTIERS), &t.palette->quartier_line,
                     1.0, quartier_dash, G_N_ELEMENTS (quartier_dash));
  draw_streets (&t, b);
  if (zoom >= 9)
    draw_boundaries (&t, vg_basemap_get_layer (b, VG_BASEMAP_COMMUNES), &t.palette->commune_line,
                     zoom >= 13 ? 1.5 : 1.0, commune_dash, G_N_ELEMENTS (commune_dash));
  draw_boundaries (&t, vg_basemap_get_layer (b, VG_BASEMAP_METROPOLE), &t.palette->metropole_line,
                   zoom >= 12 ? 2.5 : 1.8, NULL, 0);
  draw_labels (&t, self, x, y);

  cairo_destroy (t.cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_status_t
write_png_cb (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
vg_tile_renderer_render_png (VgTileRenderer  *self,
                             guint            zoom,
                             guint            x,
                             guint            y,
                             GError         **error)
{
  cairo_surface_t *surface;
  GByteArray *png;
  cairo_status_t status;

  surface = vg_tile_renderer_render_surface (self, zoom, x, y, error);
  if (surface == NULL)
    return NULL;

  png = g_byte_array_sized_new (32 * 1024);
  status = cairo_surface_write_to_png_stream (surface, write_png_cb, png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_byte_array_unref (png);
      g_set_error (error, VG_GEO_ERROR, VG_GEO_ERROR_MALFORMED,
                   "Tile %u/%u/%u: PNG encoding failed: %s", zoom, x, y,
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (png);
}

guint
vg_tile_zoom_to_fit (const double bbox[4],
                     int          width,
                     int          height)
{
  double span_x = (bbox[2] - bbox[0]) / (2 * EARTH_HALF_CIRCUMFERENCE);
  double span_y = (bbox[3] - bbox[1]) / (2 * EARTH_HALF_CIRCUMFERENCE);
  double zoom;

  if (width <= 0 || height <= 0 || span_x <= 0 || span_y <= 0)
    return 0;
  /* Up to 12 % of the box may fall outside: a whole zoom level closer is worth a sliver of the
   * edges (the Métropole's outer communes), where a whole level out would show it at half size. */
  zoom = floor (log2 (MIN (width * 1.12 / (VG_TILE_SIZE * span_x), height * 1.12 / (VG_TILE_SIZE * span_y))));
  return CLAMP (zoom, 0, VG_TILE_MAX_ZOOM);
}
