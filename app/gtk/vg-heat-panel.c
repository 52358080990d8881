/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-heat-panel"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "vg-area-layer.h"
#include "vg-feed-origin.h"
#include "vg-hazard-layers.h"
#include "vg-heat-chart.h"
#include "vg-heat-panel.h"
#include "vg-heat-vigilance.h"
#include "vg-hourly-forecast.h"
#include "vg-map-items.h"
#include "vg-site-category.h"

struct _VgHeatPanel
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkLabel      *forecast_label;
  GtkScale      *day_scale;
  GtkAdjustment *day_adjustment;
  GtkLabel      *day_label;
  GtkListBox    *district_list;
  GtkLabel      *chart_title;
  VgHeatChart   *chart;
  GtkListBox    *vigilance_list;
  GtkLabel      *exposed_title;
  GtkListBox    *exposed_list;
  GtkListBox    *resources_list;
  GtkLabel      *method_label;

  VgProjector   *projector;
  VgMapView     *map_view;
  VgHeatOutlook *shown;       /* the outlook the panel was filled from */
  GArray        *order;       /* guint district per list row */
  int            district;
  gboolean       filling;
};

G_DEFINE_FINAL_TYPE (VgHeatPanel, vg_heat_panel, GTK_TYPE_WIDGET)

static VgHeatOutlook *
outlook (VgHeatPanel *self)
{
  return self->projector != NULL ? vg_projector_get_heat (self->projector) : NULL;
}

static guint
current_day (VgHeatPanel *self)
{
  return (guint) lround (gtk_adjustment_get_value (self->day_adjustment));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
format_date (const GDate *date)
{
  char text[64];

  g_date_strftime (text, sizeof text, "%a %d/%m", date);
  return g_strdup (text);
}

static GtkWidget *
level_badge (guint level)
{
  GtkWidget *label;
  g_autofree char *text = g_strdup_printf ("%u", level);
  g_autofree char *css = g_strdup_printf ("vg-heat-level-%u", MIN (level, 4));

  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "vg-heat-badge");
  gtk_widget_add_css_class (label, css);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

static int
compare_districts (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  VgHeatPanel *self = user_data;
  VgHeatRisk *risk = vg_heat_outlook_get_risk (outlook (self));
  guint day = current_day (self), x = *(const guint *) a, y = *(const guint *) b;
  const VgHeatRiskDay *dx = vg_heat_risk_get_day (risk, x, day), *dy = vg_heat_risk_get_day (risk, y, day);

  if (dx->level != dy->level)
    return dx->level > dy->level ? -1 : 1;
  if (dx->day.tx != dy->day.tx && !isnan (dx->day.tx) && !isnan (dy->day.tx))
    return dx->day.tx > dy->day.tx ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
fill_districts (VgHeatPanel *self)
{
  VgHeatRisk *risk = vg_heat_outlook_get_risk (outlook (self));
  VgHeatDistricts *districts = vg_heat_risk_get_districts (risk);
  guint day = current_day (self);

  self->filling = TRUE;
  clear_list (self->district_list);
  g_array_set_size (self->order, 0);
  for (guint d = 0; d < vg_heat_districts_get_n_districts (districts); d++)
    g_array_append_val (self->order, d);
  g_array_sort_with_data (self->order, compare_districts, self);
  for (guint i = 0; i < self->order->len; i++)
    {
      guint d = g_array_index (self->order, guint, i);
      const VgHeatRiskDay *r = vg_heat_risk_get_day (risk, d, day);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf (_("Tx %.1f °C, Tn %.1f °C, %u hot nights in a row, %u h above the level-2 thresholds%s"),
                                                   r->day.tx, r->day.tn, r->hot_nights,
                                                   r->hours_above_day + r->hours_above_night,
                                                   r->escalated ? _(", raised for the hot nights") : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vg_heat_districts_get_name (districts, d));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), level_badge (r->level));
      gtk_list_box_append (self->district_list, row);
      if ((int) d == self->district)
        gtk_list_box_select_row (self->district_list, GTK_LIST_BOX_ROW (row));
    }
  self->filling = FALSE;
}

static void
show_chart (VgHeatPanel *self)
{
  VgHeatRisk *risk = vg_heat_outlook_get_risk (outlook (self));
  VgHeatDistricts *districts = vg_heat_risk_get_districts (risk);
  g_autofree char *title = NULL;

  if (self->district < 0)
    self->district = self->order->len > 0 ? g_array_index (self->order, guint, 0) : 0;
  title = g_strdup_printf (_("%s, hour by hour"), vg_heat_districts_get_name (districts, self->district));
  gtk_label_set_text (self->chart_title, title);
  vg_heat_chart_set (self->chart, risk, self->district, current_day (self));
}

static void
show_day (VgHeatPanel *self)
{
  VgHeatOutlook *heat = outlook (self);
  VgHeatRisk *risk = vg_heat_outlook_get_risk (heat);
  guint day = current_day (self), counts[VG_HEAT_RISK_MAX_LEVEL + 1] = { 0 };
  const VgHeatRiskDay *first = vg_heat_risk_get_day (risk, 0, day);
  g_autofree char *date = format_date (&first->day.date);
  g_autofree char *text = NULL;

  for (guint d = 0; d < vg_heat_districts_get_n_districts (vg_heat_risk_get_districts (risk)); d++)
    counts[MIN (vg_heat_risk_get_day (risk, d, day)->level, VG_HEAT_RISK_MAX_LEVEL)]++;
  text = g_strdup_printf (_("<b>%s</b>: %u districts at level 4, %u at 3, %u at 2, %u at 1, %u at 0. "
                            "The day runs 06:00 UTC to 06:00 UTC the next day (Tx); its night is the one ending that "
                            "morning (18:00 to 06:00 UTC, Tn)."),
                          date, counts[4], counts[3], counts[2], counts[1], counts[0]);
  gtk_label_set_markup (self->day_label, text);
  if (self->map_view != NULL && vg_map_view_get_hazard_layers (self->map_view) != NULL)
    vg_hazard_layers_set_heat_day (vg_map_view_get_hazard_layers (self->map_view), day);
  fill_districts (self);
  show_chart (self);
}

static void
fill_vigilance (VgHeatPanel *self)
{
  GArray *days = vg_heat_outlook_get_vigilance (outlook (self));

  clear_list (self->vigilance_list);
  for (guint i = 0; i < days->len; i++)
    {
      const VgHeatVigilanceDay *v = &g_array_index (days, VgHeatVigilanceDay, i);
      g_autofree char *date = format_date (&v->day.date), *last = format_date (&v->window_last);
      g_autofree char *title = NULL, *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      title = g_strdup_printf (_("%s (window %s → %s)"), date, date, last);
      if (isnan (v->ibmn) || isnan (v->ibmx))
        subtitle = g_strdup (_("Not computable: the forecast does not cover the three days"));
      else
        subtitle = g_strdup_printf (_("IBMn %.1f °C (%+.1f from 22 °C), IBMx %.1f °C (%+.1f from 35 °C)%s"),
                                    v->ibmn, v->ibmn_margin, v->ibmx, v->ibmx_margin,
                                    v->heatwave ? _(" — both thresholds reached") : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (v->heatwave)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_append (self->vigilance_list, row);
    }
}

static void
fill_sites (VgHeatPanel *self,
            GtkListBox  *list,
            GPtrArray   *sites,
            gboolean     resources)
{
  VgHeatRisk *risk = vg_heat_outlook_get_risk (outlook (self));
  VgHeatDistricts *districts = vg_heat_risk_get_districts (risk);

  clear_list (list);
  for (guint i = 0; i < sites->len; i++)
    {
      VgHeatExposure *e = g_ptr_array_index (sites, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL, *first = NULL;
      const char *district = e->district >= 0 ? vg_heat_districts_get_name (districts, e->district) : _("outside every district");

      if (g_date_valid (&e->first_day))
        first = format_date (&e->first_day);
      subtitle = resources
        ? g_strdup_printf (_("%s — %s, district at level %u"), vg_site_category_get_name (vg_site_get_category (e->site)),
                           district, e->peak_level)
        : g_strdup_printf (_("%s — %s: level %u, %u days at level 2+ from %s, %u h above the thresholds"),
                           vg_site_category_get_name (vg_site_get_category (e->site)), district, e->peak_level,
                           e->days_at_risk, first ? first : "—", e->hours_above);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vg_site_get_name (e->site));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), level_badge (e->peak_level));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "vg-site", g_object_ref (e->site), g_object_unref);
      gtk_list_box_append (list, row);
    }
  if (sites->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), resources ? _("None in the city data") : _("None"));
      gtk_list_box_append (list, row);
    }
}

static void
show_method (VgHeatPanel *self)
{
  const VgHeatRiskThresholds *t = vg_heat_risk_get_thresholds ();
  g_autofree char *text = g_strdup_printf (
    _("Index %s. Each district's level is the higher of a day level (Tx, the maximum from 06:00 to 06:00 UTC) and a night "
      "level (Tn, the minimum from 18:00 to 06:00 UTC), each the number of thresholds reached, plus one from the third "
      "consecutive night at level 2 or more.\n\n"
      "Day thresholds (levels 1–4): %.1f, %.1f, %.1f, %.1f °C. Night thresholds: %.1f, %.1f, %.1f, %.1f °C. They are the "
      "P90, P95, P99 and P99.9 of the June–August 1991–2020 daily mean temperature at Montpellier-Aéroport (ECA&D), plus "
      "6 K for Tx and minus 6 K for Tn.\n\n"
      "Urban heat island: the district is warmer than the forecast point by f × 3 K at night and f × 1 K by day, f = "
      "min (1, built density / 0.10); the density counts non-residential footprints in Montpellier only, so other "
      "communes get no offset (an assumption to calibrate against the city's sensors).\n\n"
      "Heatwave indicators: 3-day means of Tn (IBMn) and Tx (IBMx) at the forecast point over D, D+1, D+2 against the "
      "Hérault thresholds 22 °C and 35 °C — computed by Vigie from the forecast, not Météo-France's vigilance.\n\n"
      "Heat index (US NWS, Rothfusz regression with its adjustments), humidex, apparent temperature and UTCI (Bröde et al. "
      "2012, shade) are computed for every district hour.\n\n"
      "Vulnerable sites: care homes, crèches, schools and hospitals of the city's open data in districts at level 2 or more. "
      "No personal register is used.\n\n"
      "Forecast: Open-Meteo (CC BY 4.0). Districts: Ville de Montpellier sous-quartiers and IGN/Métropole communes (Licence "
      "Ouverte)."),
    VG_HEAT_RISK_INDEX_ID, t->day[0], t->day[1], t->day[2], t->day[3], t->night[0], t->night[1], t->night[2], t->night[3]);

  gtk_label_set_text (self->method_label, text);
}

static void
refresh (VgHeatPanel *self)
{
  VgHeatOutlook *heat = outlook (self);
  VgHeatRisk *risk;
  VgForecast *forecast;
  guint n_days;
  g_autofree char *received = NULL, *model = NULL, *text = NULL, *exposed = NULL;

  if (heat == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "outlook");
  if (heat == self->shown)
    return;
  self->shown = heat;
  risk = vg_heat_outlook_get_risk (heat);
  forecast = vg_heat_outlook_get_forecast (heat);
  n_days = vg_heat_risk_get_n_days (risk);
  received = vg_format_local_time (vg_feed_origin_get_received_at (vg_forecast_get_origin (forecast)));
  model = vg_forecast_get_model_run (forecast) > 0 ? vg_format_local_time (vg_forecast_get_model_run (forecast)) : g_strdup (_("not given"));
  text = g_strdup_printf (_("Forecast from %s, received %s, model run %s; %u days."),
                          vg_feed_origin_get_feed_id (vg_forecast_get_origin (forecast)), received, model, n_days);
  gtk_label_set_text (self->forecast_label, text);

  self->filling = TRUE;
  gtk_scale_clear_marks (self->day_scale);
  for (guint d = 0; d < n_days; d++)
    {
      g_autofree char *date = format_date (&vg_heat_risk_get_day (risk, 0, d)->day.date);

      gtk_scale_add_mark (self->day_scale, d, GTK_POS_BOTTOM, date);
    }
  gtk_adjustment_set_upper (self->day_adjustment, n_days > 0 ? n_days - 1 : 0);
  /* Start on the peak day: what the operator has to prepare for. */
  {
    guint peak_day = 0;

    vg_heat_outlook_get_peak (heat, NULL, &peak_day);
    gtk_adjustment_set_value (self->day_adjustment, peak_day);
  }
  self->filling = FALSE;
  exposed = g_strdup_printf (g_dngettext (NULL, "%u vulnerable site in districts at level 2 or more",
                                          "%u vulnerable sites in districts at level 2 or more",
                                          vg_heat_outlook_get_exposed (heat)->len),
                             vg_heat_outlook_get_exposed (heat)->len);
  gtk_label_set_text (self->exposed_title, exposed);
  fill_vigilance (self);
  fill_sites (self, self->exposed_list, vg_heat_outlook_get_exposed (heat), FALSE);
  fill_sites (self, self->resources_list, vg_heat_outlook_get_resources (heat), TRUE);
  show_method (self);
  show_day (self);
}

static void
day_changed_cb (VgHeatPanel *self)
{
  double value = gtk_adjustment_get_value (self->day_adjustment);

  /* The slider snaps to whole days. */
  if (fabs (value - round (value)) > 1e-9)
    {
      gtk_adjustment_set_value (self->day_adjustment, round (value));
      return;
    }
  if (!self->filling && outlook (self) != NULL)
    show_day (self);
}

static void
district_selected_cb (VgHeatPanel   *self,
                      GtkListBoxRow *row)
{
  if (self->filling || row == NULL || outlook (self) == NULL)
    return;
  self->district = g_array_index (self->order, guint, gtk_list_box_row_get_index (row));
  show_chart (self);
}

static void
site_activated_cb (VgHeatPanel   *self,
                   GtkListBoxRow *row)
{
  VgSite *site = g_object_get_data (G_OBJECT (row), "vg-site");

  if (site != NULL && self->map_view != NULL)
    vg_map_view_go_to (self->map_view, vg_site_get_latitude (site), vg_site_get_longitude (site), 16);
}

static void
area_activated_cb (VgHeatPanel *self,
                   guint        area)
{
  if (outlook (self) != NULL)
    vg_heat_panel_select_district (self, area);
}

static void
projector_changed_cb (VgHeatPanel *self)
{
  refresh (self);
}

static void
vg_heat_panel_dispose (GObject *object)
{
  VgHeatPanel *self = VG_HEAT_PANEL (object);

  if (self->projector != NULL)
    g_signal_handlers_disconnect_by_data (self->projector, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_HEAT_PANEL);
  g_clear_object (&self->projector);
  g_clear_object (&self->map_view);
  g_clear_pointer (&self->order, g_array_unref);

  G_OBJECT_CLASS (vg_heat_panel_parent_class)->dispose (object);
}

static void
vg_heat_panel_class_init (VgHeatPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_heat_panel_dispose;

  g_type_ensure (VG_TYPE_HEAT_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-heat-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, forecast_label);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, day_scale);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, day_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, day_label);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, district_list);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, chart_title);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, vigilance_list);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, exposed_title);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, exposed_list);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, resources_list);
  gtk_widget_class_bind_template_child (widget_class, VgHeatPanel, method_label);
  gtk_widget_class_bind_template_callback (widget_class, district_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, site_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-heat-panel");
}

static void
vg_heat_panel_init (VgHeatPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->district = -1;
  g_signal_connect_swapped (self->day_adjustment, "value-changed", G_CALLBACK (day_changed_cb), self);
}

GtkWidget *
vg_heat_panel_new (void)
{
  return g_object_new (VG_TYPE_HEAT_PANEL, NULL);
}

void
vg_heat_panel_set_projector (VgHeatPanel *self,
                             VgProjector *projector,
                             VgMapView   *map_view)
{
  VgHazardLayers *layers;

  g_return_if_fail (VG_IS_HEAT_PANEL (self));

  if (self->projector != NULL)
    g_signal_handlers_disconnect_by_data (self->projector, self);
  g_set_object (&self->projector, projector);
  if (self->map_view != NULL && (layers = vg_map_view_get_hazard_layers (self->map_view)) != NULL)
    g_signal_handlers_disconnect_by_data (vg_hazard_layers_get_heat_layer (layers), self);
  g_set_object (&self->map_view, map_view);
  if (map_view != NULL && (layers = vg_map_view_get_hazard_layers (map_view)) != NULL)
    g_signal_connect_object (vg_hazard_layers_get_heat_layer (layers), "area-activated",
                             G_CALLBACK (area_activated_cb), self, G_CONNECT_SWAPPED);
  self->shown = NULL;
  self->district = -1;
  if (projector != NULL)
    g_signal_connect_swapped (projector, "changed", G_CALLBACK (projector_changed_cb), self);
  refresh (self);
}

VgHeatOutlook *
vg_heat_panel_get_outlook (VgHeatPanel *self)
{
  g_return_val_if_fail (VG_IS_HEAT_PANEL (self), NULL);

  return outlook (self);
}

void
vg_heat_panel_set_day (VgHeatPanel *self,
                       guint        day)
{
  g_return_if_fail (VG_IS_HEAT_PANEL (self));

  gtk_adjustment_set_value (self->day_adjustment, day);
}

int
vg_heat_panel_get_day (VgHeatPanel *self)
{
  g_return_val_if_fail (VG_IS_HEAT_PANEL (self), -1);

  return outlook (self) != NULL ? (int) current_day (self) : -1;
}

void
vg_heat_panel_select_district (VgHeatPanel *self,
                               guint        district)
{
  g_return_if_fail (VG_IS_HEAT_PANEL (self));

  self->district = district;
  if (outlook (self) == NULL)
    return;
  for (guint i = 0; i < self->order->len; i++)
    if (g_array_index (self->order, guint, i) == district)
      {
        self->filling = TRUE;
        gtk_list_box_select_row (self->district_list, gtk_list_box_get_row_at_index (self->district_list, i));
        self->filling = FALSE;
      }
  show_chart (self);
}

int
vg_heat_panel_get_district (VgHeatPanel *self)
{
  g_return_val_if_fail (VG_IS_HEAT_PANEL (self), -1);

  return self->district;
}

GArray *
vg_heat_panel_get_order (VgHeatPanel *self)
{
  g_return_val_if_fail (VG_IS_HEAT_PANEL (self), NULL);

  return self->order;
}
