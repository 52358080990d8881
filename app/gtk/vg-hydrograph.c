/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-hydrograph"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vg-hydrograph.h"
#include "vg-map-items.h"

#define WINDOW_USEC (24 * G_TIME_SPAN_HOUR)

struct _VgHydrograph
{
  GtkWidget          parent_instance;

  VgGauge           *gauge;
  VgFloodProjection *projection;   /* may be NULL */
  GArray            *envelope_stages;   /* double, m */
};

G_DEFINE_FINAL_TYPE (VgHydrograph, vg_hydrograph, GTK_TYPE_WIDGET)

static void
vg_hydrograph_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VgHydrograph *self = VG_HYDROGRAPH (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  const double left = 34, right = 8, top = 8, bottom = 18;
  const VgGaugeSample *readings;
  GdkRGBA fg;
  double lo = 0, hi = 1, t0, t1, t_last, r, g, b;
  guint n, first = 0, n_steps = 0;
  const VgFloodProjectionStep *steps = NULL;
  cairo_t *cr;

  readings = vg_gauge_get_readings (self->gauge, FALSE, &n);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);

  if (n < 2)
    {
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
      cairo_move_to (cr, left, height / 2.0);
      cairo_show_text (cr, _("No stage readings yet"));
      cairo_destroy (cr);
      return;
    }
  t_last = t1 = readings[n - 1].time;
  t0 = t1 - WINDOW_USEC;
  if (self->projection != NULL)
    {
      steps = vg_flood_projection_get_steps (self->projection, &n_steps);
      /* The projection runs from the last reading: only if it is this gauge's latest. */
      if (n_steps > 1 && steps[0].time_us == readings[n - 1].time)
        t1 = steps[n_steps - 1].time_us;
      else
        n_steps = 0;
    }
  while (first < n && readings[first].time < t0)
    first++;
  for (guint i = first; i < n; i++)
    hi = MAX (hi, readings[i].value * 1.1);
  /* The projection counts up to the top envelope and a half: a wide band must not squash the
   * readings (it is clipped at the top). */
  {
    double cap = self->envelope_stages != NULL && self->envelope_stages->len > 0
                 ? g_array_index (self->envelope_stages, double, self->envelope_stages->len - 1) + 0.5 : 6;

    for (guint i = 0; i < n_steps; i++)
      hi = MAX (hi, MIN (cap, (isnan (steps[i].high_m) ? steps[i].stage_m : steps[i].high_m) * 1.05));
  }
  for (guint k = 0; k < 3; k++)
    if (!isnan (vg_gauge_get_threshold (self->gauge, k)))
      hi = MAX (hi, vg_gauge_get_threshold (self->gauge, k) * 1.05);

#define X(t) (left + ((t) - t0) / (t1 - t0) * (width - left - right))
#define Y(v) (top + (1 - ((v) - lo) / (hi - lo)) * (height - top - bottom))

  /* Axes with a tick per metre and per six hours. */
  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.25);
  cairo_set_font_size (cr, 9);
  for (double v = 0; v <= hi; v += hi > 8 ? 2 : 1)
    {
      g_autofree char *label = g_strdup_printf ("%.0f m", v);

      cairo_move_to (cr, left, Y (v));
      cairo_line_to (cr, width - right, Y (v));
      cairo_stroke (cr);
      cairo_move_to (cr, 2, Y (v) + 3);
      cairo_show_text (cr, label);
    }
  for (int h = 0; h <= 24; h += 6)
    {
      g_autofree char *label = g_strdup_printf ("−%dh", 24 - h);

      cairo_move_to (cr, X (t0 + h * G_TIME_SPAN_HOUR) - 8, height - 4);
      cairo_show_text (cr, h == 24 ? _("last") : label);
    }
  if (n_steps > 0)
    {
      g_autofree char *label = g_strdup_printf ("+%.0fh", (t1 - t_last) / G_TIME_SPAN_HOUR);

      cairo_move_to (cr, X (t1) - 16, height - 4);
      cairo_show_text (cr, label);
      /* Now, between what was read and what is projected. */
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.4);
      cairo_move_to (cr, X (t_last), top);
      cairo_line_to (cr, X (t_last), height - bottom);
      cairo_stroke (cr);
    }

  /* The library's envelope stages as ticks on the right edge: what the map can show. */
  cairo_set_source_rgba (cr, 0.19, 0.51, 0.74, 0.8);
  for (guint i = 0; self->envelope_stages != NULL && i < self->envelope_stages->len; i++)
    {
      double stage = g_array_index (self->envelope_stages, double, i);

      if (stage > hi)
        break;
      cairo_move_to (cr, width - right - 6, Y (stage));
      cairo_line_to (cr, width - right, Y (stage));
      cairo_stroke (cr);
    }

  /* Thresholds in their colours, dashed. */
  for (guint k = 0; k < 3; k++)
    {
      double stage = vg_gauge_get_threshold (self->gauge, k);
      static const double dash[] = { 5, 3 };

      if (isnan (stage))
        continue;
      vg_gauge_level_color (VG_GAUGE_LEVEL_YELLOW + k, &r, &g, &b);
      cairo_set_source_rgb (cr, r, g, b);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5);
      cairo_move_to (cr, left, Y (stage));
      cairo_line_to (cr, width - right, Y (stage));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The observed stage. */
  cairo_set_source_rgba (cr, 0.1, 0.35, 0.75, 1);
  cairo_set_line_width (cr, 2);
  for (guint i = first; i < n; i++)
    {
      if (i == first)
        cairo_move_to (cr, X (readings[i].time), Y (readings[i].value));
      else
        cairo_line_to (cr, X (readings[i].time), Y (readings[i].value));
    }
  cairo_stroke (cr);

  /* The projection: its 95 % band shaded, its stages dashed. */
  if (n_steps > 0)
    {
      static const double dash[] = { 4, 3 };

      cairo_set_source_rgba (cr, 0.1, 0.35, 0.75, 0.15);
      cairo_move_to (cr, X (steps[0].time_us), Y (steps[0].stage_m));
      for (guint i = 1; i < n_steps; i++)
        cairo_line_to (cr, X (steps[i].time_us), Y (MIN (hi, isnan (steps[i].high_m) ? steps[i].stage_m : steps[i].high_m)));
      for (guint i = n_steps; i-- > 1; )
        cairo_line_to (cr, X (steps[i].time_us), Y (MAX (lo, isnan (steps[i].low_m) ? steps[i].stage_m : steps[i].low_m)));
      cairo_close_path (cr);
      cairo_fill (cr);
      cairo_set_source_rgba (cr, 0.1, 0.35, 0.75, 1);
      cairo_set_dash (cr, dash, 2, 0);
      for (guint i = 0; i < n_steps; i++)
        {
          if (i == 0)
            cairo_move_to (cr, X (steps[i].time_us), Y (MIN (hi, steps[i].stage_m)));
          else
            cairo_line_to (cr, X (steps[i].time_us), Y (MIN (hi, steps[i].stage_m)));
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
#undef X
#undef Y
  cairo_destroy (cr);
}

static void
vg_hydrograph_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 140;
}

static void
vg_hydrograph_dispose (GObject *object)
{
  VgHydrograph *self = VG_HYDROGRAPH (object);

  if (self->gauge != NULL)
    g_signal_handlers_disconnect_by_data (self->gauge, self);
  g_clear_object (&self->gauge);
  g_clear_object (&self->projection);
  g_clear_pointer (&self->envelope_stages, g_array_unref);

  G_OBJECT_CLASS (vg_hydrograph_parent_class)->dispose (object);
}

static void
vg_hydrograph_class_init (VgHydrographClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_hydrograph_dispose;
  widget_class->snapshot = vg_hydrograph_snapshot;
  widget_class->measure = vg_hydrograph_measure;
  gtk_widget_class_set_css_name (widget_class, "vg-hydrograph");
}

static void
vg_hydrograph_init (VgHydrograph *self)
{
}

GtkWidget *
vg_hydrograph_new (VgGauge *gauge)
{
  VgHydrograph *self;

  g_return_val_if_fail (VG_IS_GAUGE (gauge), NULL);

  self = g_object_new (VG_TYPE_HYDROGRAPH, NULL);
  self->gauge = g_object_ref (gauge);
  g_signal_connect_swapped (gauge, "readings-changed", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Stage over the last 24 hours"), -1);
  return GTK_WIDGET (self);
}

void
vg_hydrograph_set_projection (VgHydrograph      *self,
                              VgFloodProjection *projection,
                              VgFloodLibrary    *library,
                              const char        *gauge)
{
  guint first, n;

  g_return_if_fail (VG_IS_HYDROGRAPH (self));
  g_return_if_fail (projection == NULL || VG_IS_FLOOD_PROJECTION (projection));

  g_set_object (&self->projection, projection);
  g_clear_pointer (&self->envelope_stages, g_array_unref);
  if (library != NULL && gauge != NULL && vg_flood_library_get_gauge_range (library, gauge, &first, &n))
    {
      self->envelope_stages = g_array_new (FALSE, FALSE, sizeof (double));
      for (guint i = first; i < first + n; i++)
        {
          double stage = vg_flood_envelope_get_stage (vg_flood_library_get_envelope (library, i));

          g_array_append_val (self->envelope_stages, stage);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  projection != NULL ? _("Stage over the last 24 hours and its projection")
                                                     : _("Stage over the last 24 hours"), -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

VgGauge *
vg_hydrograph_get_gauge (VgHydrograph *self)
{
  g_return_val_if_fail (VG_IS_HYDROGRAPH (self), NULL);

  return self->gauge;
}
