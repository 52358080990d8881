/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "vg-hazard-layers.h"
#include "vg-heat-chart.h"
#include "vg-hourly-forecast.h"

struct _VgHeatChart
{
  GtkWidget   parent_instance;

  VgHeatRisk *risk;
  guint       district;
  int         day;
};

G_DEFINE_FINAL_TYPE (VgHeatChart, vg_heat_chart, GTK_TYPE_WIDGET)

static void
draw_series (cairo_t      *cr,
             const gint64 *times,
             const double *values,
             gsize         n,
             double        (*x_of) (VgHeatChart *, gint64, double, double),
             VgHeatChart  *self,
             double        x0,
             double        x1,
             double        lo,
             double        hi,
             double        top,
             double        bottom)
{
  gboolean pen = FALSE;

  for (gsize i = 0; i < n; i++)
    {
      double x = x_of (self, times[i], x0, x1);
      double y = top + (1 - (values[i] - lo) / (hi - lo)) * (bottom - top);

      if (isnan (values[i]))
        {
          pen = FALSE;
          continue;
        }
      if (!pen)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      pen = TRUE;
    }
  cairo_stroke (cr);
}

static double
x_of_time (VgHeatChart *self,
           gint64       t,
           double       x0,
           double       x1)
{
  VgHourlyForecast *f = vg_heat_risk_get_forecast (self->risk);
  const gint64 *times = vg_hourly_forecast_get_times (f);
  gsize n = vg_hourly_forecast_get_n_hours (f);

  if (n < 2)
    return x0;
  return x0 + (double) (t - times[0]) / (times[n - 1] - times[0]) * (x1 - x0);
}

static void
vg_heat_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  VgHeatChart *self = VG_HEAT_CHART (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  const double left = 34, right = 8, top = 8, bottom = height - 18;
  const VgHeatRiskThresholds *th = vg_heat_risk_get_thresholds ();
  VgHourlyForecast *f;
  const gint64 *times;
  const double *temperature, *heat_index;
  gsize n;
  double lo = 10, hi = 30;
  GdkRGBA fg, level;
  cairo_t *cr;

  if (self->risk == NULL)
    return;
  f = vg_heat_risk_get_forecast (self->risk);
  n = vg_hourly_forecast_get_n_hours (f);
  times = vg_hourly_forecast_get_times (f);
  if (n < 2)
    return;
  temperature = vg_heat_risk_get_hourly (self->risk, self->district, VG_HEAT_QUANTITY_TEMPERATURE);
  heat_index = vg_heat_risk_get_hourly (self->risk, self->district, VG_HEAT_QUANTITY_HEAT_INDEX);
  for (gsize i = 0; i < n; i++)
    {
      if (!isnan (temperature[i]))
        lo = MIN (lo, floor (temperature[i] / 5) * 5), hi = MAX (hi, temperature[i]);
      if (!isnan (heat_index[i]))
        hi = MAX (hi, heat_index[i]);
    }
  hi = MAX (hi, th->day[2]) + 2;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
#define Y(v) (top + (1 - ((v) - lo) / (hi - lo)) * (bottom - top))

  /* Nights (18:00–06:00 UTC, the scale's) shaded. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.07);
  for (gsize i = 0; i + 1 < n; i++)
    if (vg_heat_risk_is_night_hour (times[i]))
      cairo_rectangle (cr, x_of_time (self, times[i], left, width - right), top,
                       x_of_time (self, times[i + 1], left, width - right) - x_of_time (self, times[i], left, width - right),
                       bottom - top);
  cairo_fill (cr);

  /* The selected day framed. */
  if (self->day >= 0 && (guint) self->day < vg_heat_risk_get_n_days (self->risk))
    {
      const VgHeatRiskDay *d = vg_heat_risk_get_day (self->risk, self->district, self->day);
      double a = x_of_time (self, d->day.tx_start, left, width - right);
      double b = x_of_time (self, d->day.tx_end, left, width - right);

      vg_hazard_layers_get_heat_color (MAX (d->level, 1), &level);
      cairo_set_source_rgba (cr, level.red, level.green, level.blue, 0.25);
      cairo_rectangle (cr, MAX (a, left), top, MIN (b, width - right) - MAX (a, left), bottom - top);
      cairo_fill (cr);
    }

  /* Axis: every 5 °C. */
  cairo_set_font_size (cr, 9);
  cairo_set_line_width (cr, 1);
  for (double v = ceil (lo / 5) * 5; v <= hi; v += 5)
    {
      g_autofree char *label = g_strdup_printf ("%.0f°", v);

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.2);
      cairo_move_to (cr, left, Y (v));
      cairo_line_to (cr, width - right, Y (v));
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, 4, Y (v) + 3);
      cairo_show_text (cr, label);
    }
  /* Level 2 and 3 thresholds: day (Tx) solid, night (Tn) dashed. */
  for (guint l = 1; l <= 2; l++)
    {
      static const double dash[] = { 4, 3 };

      vg_hazard_layers_get_heat_color (l + 1, &level);
      cairo_set_source_rgba (cr, level.red, level.green, level.blue, 0.9);
      cairo_move_to (cr, left, Y (th->day[l]));
      cairo_line_to (cr, width - right, Y (th->day[l]));
      cairo_stroke (cr);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, left, Y (th->night[l]));
      cairo_line_to (cr, width - right, Y (th->night[l]));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  /* Heat index (orange) under temperature (dark red). */
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgba (cr, 0.90, 0.55, 0.10, 0.9);
  draw_series (cr, times, heat_index, n, x_of_time, self, left, width - right, lo, hi, top, bottom);
  cairo_set_line_width (cr, 2);
  cairo_set_source_rgba (cr, 0.60, 0.10, 0.10, 1);
  draw_series (cr, times, temperature, n, x_of_time, self, left, width - right, lo, hi, top, bottom);
  /* Day labels. */
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
  for (guint d = 0; d < vg_heat_risk_get_n_days (self->risk); d++)
    {
      const VgHeatRiskDay *day = vg_heat_risk_get_day (self->risk, self->district, d);
      char label[16];
      double x = x_of_time (self, (day->day.tx_start + day->day.tx_end) / 2, left, width - right);

      g_date_strftime (label, sizeof label, "%d/%m", &day->day.date);
      if (x > left && x < width - right)
        {
          cairo_move_to (cr, x - 12, height - 4);
          cairo_show_text (cr, label);
        }
    }
#undef Y
  cairo_destroy (cr);
}

static void
vg_heat_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 150;
}

static void
vg_heat_chart_dispose (GObject *object)
{
  g_clear_object (&VG_HEAT_CHART (object)->risk);

  G_OBJECT_CLASS (vg_heat_chart_parent_class)->dispose (object);
}

static void
vg_heat_chart_class_init (VgHeatChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = vg_heat_chart_dispose;
  widget_class->snapshot = vg_heat_chart_snapshot;
  widget_class->measure = vg_heat_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "vg-heat-chart");
}

static void
vg_heat_chart_init (VgHeatChart *self)
{
  self->day = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("District temperature and heat index, hour by hour"), -1);
}

GtkWidget *
vg_heat_chart_new (void)
{
  return g_object_new (VG_TYPE_HEAT_CHART, NULL);
}

void
vg_heat_chart_set (VgHeatChart *self,
                   VgHeatRisk  *risk,
                   guint        district,
                   int          day)
{
  g_return_if_fail (VG_IS_HEAT_CHART (self));

  g_set_object (&self->risk, risk);
  self->district = district;
  self->day = day;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
