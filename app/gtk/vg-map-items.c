/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-map-items"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vg-clock.h"
#include "vg-feed-origin.h"
#include "vg-hydrograph.h"
#include "vg-incident.h"
#include "vg-map-items.h"
#include "vg-site.h"
#include "vg-site-symbol.h"

void
vg_gauge_level_color (VgGaugeLevel  level,
                      double       *r,
                      double       *g,
                      double       *b)
{
  /* The order of Vigicrues' colours (green, yellow, orange, red), in tones that stay apart
   * for red-green colour blindness; the symbol's shape and label carry the level too. */
  static const guint32 colors[] = { 0x8a8a8a, 0x2b83ba, 0xf2c500, 0xf07f09, 0xc81e1e };
  guint32 c = colors[CLAMP (level + 1, 0, 4)];

  *r = (c >> 16 & 0xff) / 255.;
  *g = (c >> 8 & 0xff) / 255.;
  *b = (c & 0xff) / 255.;
}

const char *
vg_gauge_level_label (VgGaugeLevel level)
{
  switch (level)
    {
    case VG_GAUGE_LEVEL_NORMAL: return _("below thresholds");
    case VG_GAUGE_LEVEL_YELLOW: return _("yellow threshold");
    case VG_GAUGE_LEVEL_ORANGE: return _("orange threshold");
    case VG_GAUGE_LEVEL_RED: return _("red threshold");
    case VG_GAUGE_LEVEL_UNKNOWN:
    default: return _("no reading");
    }
}

char *
vg_format_local_time (gint64 usec)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Paris");
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone ? zone : g_time_zone_new_utc ());

  return g_date_time_format (local, "%d/%m %H:%M");
}

char *
vg_format_age (gint64 now,
               gint64 then)
{
  gint64 minutes = (now - then) / G_TIME_SPAN_MINUTE;
  g_autofree char *count = NULL;
  gint64 n;

  if (minutes < 1)
    return g_strdup (_("just now"));
  /* The count is formatted apart: translators see plain %s, never a printf size macro. */
  n = minutes < 60 ? minutes : minutes < 48 * 60 ? minutes / 60 : minutes / 1440;
  count = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  if (minutes < 60)
    return g_strdup_printf (ngettext ("%s min ago", "%s min ago", n), count);
  if (minutes < 48 * 60)
    return g_strdup_printf (ngettext ("%s h ago", "%s h ago", n), count);
  return g_strdup_printf (ngettext ("%s day ago", "%s days ago", n), count);
}

static GtkWidget *
detail_box (const char *title,
            const char *subtitle)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
add_line (GtkWidget  *box,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_box_append (GTK_BOX (box), label);
}

gboolean
vg_gauge_item_locate (gpointer  item,
                      double   *latitude,
                      double   *longitude)
{
  /* A gauge no feed of this situation reports is not part of its picture. */
  if (!vg_gauge_get_latest (item, FALSE, NULL) && !vg_gauge_get_latest (item, TRUE, NULL))
    return FALSE;
  *latitude = vg_gauge_get_latitude (item);
  *longitude = vg_gauge_get_longitude (item);
  return TRUE;
}

void
vg_gauge_item_draw (cairo_t *cr,
                    gpointer item,
                    double   x,
                    double   y,
                    double   size)
{
  VgGauge *gauge = item;
  VgGaugeSample latest;
  double r, g, b, radius = size / 2;

  vg_gauge_level_color (vg_gauge_get_level (gauge), &r, &g, &b);
  cairo_save (cr);
  /* A circle with a wave: the gauge; its fill: the threshold level. */
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (1.5, size / 10));
  cairo_stroke (cr);
  cairo_move_to (cr, x - radius * 0.6, y);
  cairo_curve_to (cr, x - radius * 0.3, y - radius * 0.4, x, y + radius * 0.4, x + radius * 0.3, y);
  cairo_curve_to (cr, x + radius * 0.45, y - radius * 0.2, x + radius * 0.55, y - radius * 0.1, x + radius * 0.6, y);
  cairo_stroke (cr);

  if (vg_gauge_get_latest (gauge, FALSE, &latest))
    {
      g_autofree char *text = g_strdup_printf ("%.2f m", latest.value);

      /* The stage beside the symbol, with a halo so it reads on any background. */
      cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, MAX (10, size * 0.55));
      cairo_move_to (cr, x + radius + 3, y + size * 0.2);
      cairo_text_path (cr, text);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 3);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

GtkWidget *
vg_gauge_item_detail (gpointer item)
{
  VgGauge *gauge = item;
  VgGaugeSample stage, discharge;
  g_autofree char *subtitle = NULL;
  GtkWidget *box;

  subtitle = g_strdup_printf (_("Gauge %s — %s"), vg_gauge_get_code (gauge), vg_gauge_level_label (vg_gauge_get_level (gauge)));
  box = detail_box (vg_gauge_get_name (gauge), subtitle);
  if (vg_gauge_get_latest (gauge, FALSE, &stage))
    {
      g_autofree char *when = vg_format_local_time (stage.time);
      g_autofree char *line = g_strdup_printf (_("Stage %.2f m at %s"), stage.value, when);

      add_line (box, line);
    }
  if (vg_gauge_get_latest (gauge, TRUE, &discharge))
    {
      g_autofree char *line = g_strdup_printf (_("Discharge %.1f m³/s"), discharge.value);

      add_line (box, line);
    }
  if (!isnan (vg_gauge_get_threshold (gauge, 0)))
    {
      g_autofree char *line = g_strdup_printf (_("Thresholds %.1f / %.1f / %.1f m (%s)"),
                                               vg_gauge_get_threshold (gauge, 0), vg_gauge_get_threshold (gauge, 1),
                                               vg_gauge_get_threshold (gauge, 2),
                                               vg_gauge_get_thresholds_source (gauge) ? vg_gauge_get_thresholds_source (gauge) : "?");
      add_line (box, line);
    }
  gtk_box_append (GTK_BOX (box), vg_hydrograph_new (gauge));
  return box;
}

gboolean
vg_incident_item_locate (gpointer  item,
                         double   *latitude,
                         double   *longitude)
{
  VgShapeSet *shapes = vg_incident_get_geometry (item);
  const double *bbox;

  if (shapes == NULL || vg_shape_set_get_n_shapes (shapes) == 0 ||
      vg_shape_set_get_kind (shapes, 0) == VG_SHAPE_NONE)
    return FALSE;
  /* Lines and areas are shown at the middle of their extent. */
  bbox = vg_shape_set_get_bbox (shapes, 0);
  *longitude = (bbox[0] + bbox[2]) / 2;
  *latitude = (bbox[1] + bbox[3]) / 2;
  return TRUE;
}

static void
severity_color (VgSeverity  severity,
                double     *r,
                double     *g,
                double     *b)
{
  switch (severity)
    {
    case VG_SEVERITY_EXTREME: *r = 0.55; *g = 0.0; *b = 0.25; break;
    case VG_SEVERITY_SEVERE: *r = 0.78; *g = 0.12; *b = 0.12; break;
    case VG_SEVERITY_MODERATE: *r = 0.94; *g = 0.5; *b = 0.04; break;
    case VG_SEVERITY_MINOR: *r = 0.95; *g = 0.77; *b = 0.0; break;
    case VG_SEVERITY_NONE:
    case VG_SEVERITY_UNKNOWN:
    case VG_N_SEVERITIES:
    default: *r = *g = *b = 0.45; break;
    }
}

void
vg_incident_item_draw (cairo_t *cr,
                       gpointer item,
                       double   x,
                       double   y,
                       double   size)
{
  vg_incident_symbol_draw (cr, vg_incident_get_severity (item), x, y, size);
}

void
vg_incident_symbol_draw (cairo_t *cr,
                         guint    severity,
                         double   x,
                         double   y,
                         double   size)
{
  double r, g, b, s = size * 0.65;

  severity_color (severity, &r, &g, &b);
  cairo_save (cr);
  /* A warning triangle with an exclamation mark: an incident, in its severity's colour. */
  cairo_move_to (cr, x, y - s);
  cairo_line_to (cr, x + s, y + s * 0.75);
  cairo_line_to (cr, x - s, y + s * 0.75);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, r, g, b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_set_line_width (cr, MAX (1.5, size / 10));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y - s * 0.45);
  cairo_line_to (cr, x, y + s * 0.2);
  cairo_stroke (cr);
  cairo_arc (cr, x, y + s * 0.45, MAX (1, size / 14), 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_restore (cr);
}

gboolean
vg_incident_is_traffic (gpointer item)
{
  return vg_feed_origin_get_kind (vg_incident_get_origin (item)) == VG_FEED_KIND_DATEX2;
}

static void
sign_triangle (cairo_t *cr,
               double   x,
               double   y,
               double   s)
{
  /* The French danger sign (A-series): white triangle, red border, point up. */
  cairo_new_path (cr);
  cairo_move_to (cr, x, y - s);
  cairo_line_to (cr, x + s * 1.1, y + s * 0.8);
  cairo_line_to (cr, x - s * 1.1, y + s * 0.8);
  cairo_close_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgb (cr, 0.8, 0.05, 0.1);
  cairo_set_line_width (cr, MAX (2.5, s * 0.5));
  cairo_stroke_preserve (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
}

void
vg_traffic_sign_draw (cairo_t *cr,
                      guint    kind,
                      double   x,
                      double   y,
                      double   size)
{
  double s = size * 0.55;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  switch (kind)
    {
    case VG_INCIDENT_CLOSURE:
      /* "No entry" (B1): red disc, white bar. */
      cairo_arc (cr, x, y, s, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.8, 0.05, 0.1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, MAX (1, size / 14));
      cairo_stroke (cr);
      cairo_rectangle (cr, x - s * 0.65, y - s * 0.18, s * 1.3, s * 0.36);
      cairo_fill (cr);
      break;
    case VG_INCIDENT_ROADWORKS:
      /* Roadworks (AK5): a worker with a shovel in the danger triangle. */
      sign_triangle (cr, x, y, s);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_arc (cr, x - s * 0.05, y - s * 0.3, s * 0.13, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_set_line_width (cr, MAX (1.2, s * 0.14));
      cairo_move_to (cr, x - s * 0.1, y - s * 0.12);
      cairo_line_to (cr, x - s * 0.25, y + s * 0.55);
      cairo_move_to (cr, x - s * 0.15, y + s * 0.1);
      cairo_line_to (cr, x + s * 0.35, y + s * 0.3);
      cairo_move_to (cr, x + s * 0.35, y + s * 0.3);
      cairo_line_to (cr, x + s * 0.5, y + s * 0.6);
      cairo_stroke (cr);
      break;
    case VG_INCIDENT_CONGESTION:
      /* Queue (AK14-like): stacked bars in the triangle. */
      sign_triangle (cr, x, y, s);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      for (int i = 0; i < 3; i++)
        cairo_rectangle (cr, x - s * 0.22, y - s * 0.35 + i * s * 0.32, s * 0.44, s * 0.2);
      cairo_fill (cr);
      break;
    case VG_INCIDENT_ACCIDENT:
      /* Accident: the danger triangle with two colliding cars. */
      sign_triangle (cr, x, y, s);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_save (cr);
      cairo_translate (cr, x - s * 0.22, y + s * 0.1);
      cairo_rotate (cr, 0.5);
      cairo_rectangle (cr, -s * 0.22, -s * 0.13, s * 0.44, s * 0.26);
      cairo_restore (cr);
      cairo_save (cr);
      cairo_translate (cr, x + s * 0.22, y + s * 0.1);
      cairo_rotate (cr, -0.5);
      cairo_rectangle (cr, -s * 0.22, -s * 0.13, s * 0.44, s * 0.26);
      cairo_restore (cr);
      cairo_fill (cr);
      break;
    default:
      /* Other danger (A14): the triangle with an exclamation mark. */
      sign_triangle (cr, x, y, s);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_set_line_width (cr, MAX (1.5, s * 0.18));
      cairo_move_to (cr, x, y - s * 0.4);
      cairo_line_to (cr, x, y + s * 0.2);
      cairo_stroke (cr);
      cairo_arc (cr, x, y + s * 0.45, MAX (1, s * 0.1), 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    }
  cairo_restore (cr);
}

void
vg_traffic_item_draw (cairo_t *cr,
                      gpointer item,
                      double   x,
                      double   y,
                      double   size)
{
  vg_traffic_sign_draw (cr, vg_incident_get_kind (item), x, y, size);
}

GtkWidget *
vg_incident_item_detail (gpointer item)
{
  VgIncident *incident = item;
  g_autofree char *subtitle = g_strdup_printf ("%s — %s — %s", vg_incident_kind_to_id (vg_incident_get_kind (incident)),
                                               vg_severity_to_id (vg_incident_get_severity (incident)),
                                               vg_incident_status_to_id (vg_incident_get_status (incident)));
  GtkWidget *box = detail_box (vg_incident_get_title (incident) ? vg_incident_get_title (incident) : _("Incident"), subtitle);
  g_autofree char *source = g_strdup_printf (_("Source: %s"), vg_feed_origin_get_feed_id (vg_incident_get_origin (incident)));

  if (vg_incident_get_description (incident) != NULL)
    add_line (box, vg_incident_get_description (incident));
  if (vg_incident_get_authority (incident) != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Reported by %s"), vg_incident_get_authority (incident));

      add_line (box, line);
    }
  if (vg_incident_get_start (incident) != VG_FEED_TIME_UNKNOWN)
    {
      g_autofree char *when = vg_format_local_time (vg_incident_get_start (incident));
      g_autofree char *line = g_strdup_printf (_("Since %s"), when);

      add_line (box, line);
    }
  add_line (box, source);
  return box;
}

gboolean
vg_site_item_locate (gpointer  item,
                     double   *latitude,
                     double   *longitude)
{
  *latitude = vg_site_get_latitude (item);
  *longitude = vg_site_get_longitude (item);
  return TRUE;
}

void
vg_site_item_draw (cairo_t *cr,
                   gpointer item,
                   double   x,
                   double   y,
                   double   size)
{
  vg_site_symbol_draw (cr, vg_site_get_category (item), x, y, size);
}

GtkWidget *
vg_site_item_detail (gpointer item)
{
  VgSite *site = item;
  g_autofree char *detail = g_strdup_printf ("%s\n%.5f° N, %.5f° E", vg_site_category_get_label (vg_site_get_category (site)),
                                             vg_site_get_latitude (site), vg_site_get_longitude (site));

  return detail_box (vg_site_get_name (site), detail);
}
