/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-site-symbol"

#include "config.h"

#include <math.h>

#include "vg-site-symbol.h"

/* Okabe & Ito (2008), "Color Universal Design": distinguishable under the common forms of
 * colour blindness. */
static const guint32 colors[VG_N_SITE_CATEGORIES] = {
  [VG_SITE_SCHOOL]       = 0xE69F00,   /* orange, square */
  [VG_SITE_CRECHE]       = 0xCC79A7,   /* reddish purple, circle */
  [VG_SITE_HOSPITAL]     = 0xD55E00,   /* vermillion, square with a white cross */
  [VG_SITE_CARE_HOME]    = 0x0072B2,   /* blue, diamond */
  [VG_SITE_FIRE_STATION] = 0x882255,   /* wine, triangle */
  [VG_SITE_SHELTER]      = 0x009E73,   /* bluish green, house */
  [VG_SITE_DISTRIBUTION] = 0x56B4E9,   /* sky blue, hexagon */
};

void
vg_site_symbol_get_color (VgSiteCategory  category,
                          double         *r,
                          double         *g,
                          double         *b)
{
  guint32 c = colors[category < VG_N_SITE_CATEGORIES ? category : 0];

  *r = (c >> 16 & 0xff) / 255.;
  *g = (c >> 8 & 0xff) / 255.;
  *b = (c & 0xff) / 255.;
}

static void
polygon (cairo_t *cr,
         double   x,
         double   y,
         double   radius,
         int      sides,
         double   rotation)
{
  for (int i = 0; i < sides; i++)
    {
      double a = rotation + 2 * G_PI * i / sides;

      if (i == 0)
        cairo_move_to (cr, x + radius * cos (a), y + radius * sin (a));
      else
        cairo_line_to (cr, x + radius * cos (a), y + radius * sin (a));
    }
  cairo_close_path (cr);
}

void
vg_site_symbol_draw (cairo_t        *cr,
                     VgSiteCategory  category,
                     double          x,
                     double          y,
                     double          size)
{
  double r = size / 2, red, green, blue;

  g_return_if_fail (category < VG_N_SITE_CATEGORIES);

  cairo_save (cr);
  cairo_new_path (cr);
  switch (category)
    {
    case VG_SITE_SCHOOL:
    case VG_SITE_HOSPITAL:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, 1.7 * r, 1.7 * r);
      break;
    case VG_SITE_CRECHE:
      cairo_arc (cr, x, y, r * 0.92, 0, 2 * G_PI);
      break;
    case VG_SITE_CARE_HOME:
      polygon (cr, x, y, r * 1.1, 4, -G_PI / 2);
      break;
    case VG_SITE_FIRE_STATION:
      polygon (cr, x, y + r * 0.2, r * 1.15, 3, -G_PI / 2);
      break;
    case VG_SITE_SHELTER:
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y - r * 0.1);
      cairo_line_to (cr, x + r * 0.8, y - r * 0.1);
      cairo_line_to (cr, x + r * 0.8, y + r * 0.9);
      cairo_line_to (cr, x - r * 0.8, y + r * 0.9);
      cairo_line_to (cr, x - r * 0.8, y - r * 0.1);
      cairo_line_to (cr, x - r, y - r * 0.1);
      cairo_close_path (cr);
      break;
    case VG_SITE_DISTRIBUTION:
      polygon (cr, x, y, r, 6, 0);
      break;
    case VG_N_SITE_CATEGORIES:
    default:
      g_assert_not_reached ();
    }

  vg_site_symbol_get_color (category, &red, &green, &blue);
  cairo_set_source_rgb (cr, red, green, blue);
  cairo_fill_preserve (cr);
  /* A white outline keeps the symbol readable on streets, water and the night style alike. */
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (1.0, size / 9));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);

  if (category == VG_SITE_HOSPITAL)
    {
      double arm = r * 0.55, w = r * 0.22;

      cairo_rectangle (cr, x - w, y - arm, 2 * w, 2 * arm);
      cairo_rectangle (cr, x - arm, y - w, 2 * arm, 2 * w);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}
