/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-report-map"

#include "config.h"

#include <math.h>

#include "vg-report-map-private.h"

#define EARTH_HALF_CIRCUMFERENCE 20037508.342789244
/* Close enough for a street-level look, far enough that a single point shows its district. */
#define MAX_ZOOM 16

struct _VgReportMap
{
  cairo_surface_t *base;
  guint            zoom;
  double           origin_x;   /* world pixel of the frame's top-left corner at zoom */
  double           origin_y;
  double           world;      /* world size in pixels at zoom */
};

static void
paint_background (cairo_t *cr)
{
  /* The day style's land colour, so a frame without tiles still reads as a map. */
  cairo_set_source_rgb (cr, 0.949, 0.937, 0.914);
  cairo_paint (cr);
}

VgReportMap *
vg_report_map_new (VgTileRenderer  *renderer,
                   const double     bbox[4],
                   int              width,
                   int              height,
                   GCancellable    *cancellable,
                   GError         **error)
{
  VgReportMap *self = g_new0 (VgReportMap, 1);
  cairo_t *cr;
  double center_x, center_y;
  gint64 first_x, first_y, last_x, last_y, n;

  self->zoom = MIN (vg_tile_zoom_to_fit (bbox, width, height), MAX_ZOOM);
  self->world = VG_TILE_SIZE * (double) (1u << self->zoom);
  center_x = ((bbox[0] + bbox[2]) / 2 + EARTH_HALF_CIRCUMFERENCE) / (2 * EARTH_HALF_CIRCUMFERENCE) * self->world;
  center_y = (EARTH_HALF_CIRCUMFERENCE - (bbox[1] + bbox[3]) / 2) / (2 * EARTH_HALF_CIRCUMFERENCE) * self->world;
  /* Whole pixels: tiles then land on pixel boundaries and stay sharp. */
  self->origin_x = floor (center_x - width / 2.0);
  self->origin_y = floor (center_y - height / 2.0);

  self->base = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (self->base);
  paint_background (cr);
  n = (gint64) 1 << self->zoom;
  first_x = MAX (0, (gint64) floor (self->origin_x / VG_TILE_SIZE));
  first_y = MAX (0, (gint64) floor (self->origin_y / VG_TILE_SIZE));
  last_x = MIN (n - 1, (gint64) floor ((self->origin_x + width - 1) / VG_TILE_SIZE));
  last_y = MIN (n - 1, (gint64) floor ((self->origin_y + height - 1) / VG_TILE_SIZE));
  for (gint64 ty = first_y; renderer != NULL && ty <= last_y; ty++)
    for (gint64 tx = first_x; tx <= last_x; tx++)
      {
        cairo_surface_t *tile;

        if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
            (tile = vg_tile_renderer_render_surface (renderer, self->zoom, tx, ty, error)) == NULL)
          {
            cairo_destroy (cr);
            vg_report_map_free (self);
            return NULL;
          }
        cairo_set_source_surface (cr, tile, tx * VG_TILE_SIZE - self->origin_x, ty * VG_TILE_SIZE - self->origin_y);
        cairo_paint (cr);
        cairo_surface_destroy (tile);
      }
  cairo_destroy (cr);
  return self;
}

void
vg_report_map_free (VgReportMap *self)
{
  if (self == NULL)
    return;
  cairo_surface_destroy (self->base);
  g_free (self);
}

cairo_surface_t *
vg_report_map_dup_base (VgReportMap *self)
{
  int width = cairo_image_surface_get_width (self->base);
  int height = cairo_image_surface_get_height (self->base);
  cairo_surface_t *copy = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (copy);

  cairo_set_source_surface (cr, self->base, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  return copy;
}

void
vg_report_map_project (VgReportMap *self,
                       double       mx,
                       double       my,
                       double      *px,
                       double      *py)
{
  *px = (mx + EARTH_HALF_CIRCUMFERENCE) / (2 * EARTH_HALF_CIRCUMFERENCE) * self->world - self->origin_x;
  *py = (EARTH_HALF_CIRCUMFERENCE - my) / (2 * EARTH_HALF_CIRCUMFERENCE) * self->world - self->origin_y;
}

static void
set_color (cairo_t *cr,
           guint32  rgb,
           double   alpha)
{
  cairo_set_source_rgba (cr, (rgb >> 16 & 0xff) / 255., (rgb >> 8 & 0xff) / 255., (rgb & 0xff) / 255., alpha);
}

/* Traces shape @index as a path (points as discs of @radius pixels). */
static void
trace (VgReportMap *self,
       cairo_t     *cr,
       VgShapeSet  *shapes,
       guint        index,
       double       radius)
{
  VgShapeKind kind = vg_shape_set_get_kind (shapes, index);
  guint n_parts = vg_shape_set_get_n_parts (shapes, index);

  cairo_new_path (cr);
  for (guint part = 0; part < n_parts; part++)
    {
      guint n_points = 0;
      const double *xy = vg_shape_set_get_part (shapes, index, part, &n_points, NULL);

      for (guint i = 0; i < n_points; i++)
        {
          double px, py;

          vg_report_map_project (self, xy[2 * i], xy[2 * i + 1], &px, &py);
          if (kind == VG_SHAPE_POINT)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
            }
          else if (i == 0)
            cairo_move_to (cr, px, py);
          else
            cairo_line_to (cr, px, py);
        }
      if (kind == VG_SHAPE_POLYGON)
        cairo_close_path (cr);
    }
}

void
vg_report_map_draw_shape (VgReportMap *self,
                          cairo_t     *cr,
                          VgShapeSet  *shapes,
                          guint        index,
                          guint32      rgb,
                          double       alpha)
{
  VgShapeKind kind = vg_shape_set_get_kind (shapes, index);
  double opaque = MIN (1, alpha * 3);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* Holes stay holes: rings are filled with the even-odd rule. */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  trace (self, cr, shapes, index, 10);
  switch (kind)
    {
    case VG_SHAPE_POLYGON:
      set_color (cr, rgb, alpha);
      cairo_fill_preserve (cr);
      set_color (cr, rgb, opaque);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      break;
    case VG_SHAPE_LINE:
      /* A white casing under the line, so it reads across the streets of the basemap. */
      cairo_set_source_rgba (cr, 1, 1, 1, opaque);
      cairo_set_line_width (cr, 11);
      cairo_stroke_preserve (cr);
      set_color (cr, rgb, opaque);
      cairo_set_line_width (cr, 6);
      cairo_stroke (cr);
      break;
    case VG_SHAPE_POINT:
      /* Larger than the site symbols and ringed in white: an entry, not a site. */
      set_color (cr, rgb, opaque);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 1, 1, 1, opaque);
      cairo_set_line_width (cr, 2.5);
      cairo_stroke (cr);
      break;
    case VG_SHAPE_NONE:
    default:
      break;
    }
  cairo_restore (cr);
}
