/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-layers-panel"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "vg-basemap-style.h"
#include "vg-incident.h"
#include "vg-layers-panel.h"
#include "vg-map-items.h"
#include "vg-site.h"
#include "vg-site-symbol.h"

struct _VgLayersPanel
{
  GtkWidget     parent_instance;

  GtkWidget    *scroller;
  GtkListBox   *sites_list;
  GtkLabel     *basemap_label;
  GtkLabel     *basemap_detail;
  GtkBox       *legend_box;
  GtkListBox   *feeds_list;
  GtkWidget    *feeds_placeholder;
  VgSituation  *situation;

  VgMapView    *map_view;
  GSettings    *settings;
  GtkWidget    *toggles[VG_N_SITE_CATEGORIES];
  GtkListBox   *layers_list;
  GtkWidget    *layer_toggles[VG_N_MAP_LAYERS];
  GtkLabel     *layer_status[VG_N_MAP_LAYERS];
  GtkLabel     *layer_reason[VG_N_MAP_LAYERS];
};

G_DEFINE_FINAL_TYPE (VgLayersPanel, vg_layers_panel, GTK_TYPE_WIDGET)

static void
draw_symbol_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  vg_site_symbol_draw (cr, GPOINTER_TO_UINT (user_data), width / 2.0, height / 2.0, MIN (width, height) - 4);
}

typedef enum {
  LEGEND_WATER,
  LEGEND_MOTORWAY,
  LEGEND_PRIMARY,
  LEGEND_STREET,
  LEGEND_BUILDING,
  LEGEND_COMMUNE,
  LEGEND_METROPOLE,
  N_LEGEND_ITEMS,
} LegendItem;

static const char *
legend_label (LegendItem item)
{
  switch (item)
    {
    case LEGEND_WATER: return _("Watercourse");
    case LEGEND_MOTORWAY: return _("Motorway");
    case LEGEND_PRIMARY: return _("Main road, boulevard, avenue");
    case LEGEND_STREET: return _("Street");
    case LEGEND_BUILDING: return _("Public building");
    case LEGEND_COMMUNE: return _("Commune boundary");
    case LEGEND_METROPOLE: return _("Métropole boundary");
    case N_LEGEND_ITEMS:
    default: return NULL;
    }
}

/* Draws a legend swatch with the colours the offline map uses in the current style. */
static void
draw_legend_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const VgBasemapPalette *p = vg_basemap_style_get_palette (dark ? VG_BASEMAP_STYLE_NIGHT : VG_BASEMAP_STYLE_DAY);
  LegendItem item = GPOINTER_TO_UINT (user_data);
  const VgRgb *fill = NULL, *line = NULL;
  double line_width = 1;

  cairo_set_source_rgb (cr, p->land.r, p->land.g, p->land.b);
  cairo_paint (cr);
  switch (item)
    {
    case LEGEND_WATER: fill = &p->water; line = &p->water_line; break;
    case LEGEND_BUILDING: fill = &p->building; line = &p->building_line; break;
    case LEGEND_MOTORWAY: case LEGEND_PRIMARY: case LEGEND_STREET:
      {
        VgRoadClass c = item == LEGEND_MOTORWAY ? VG_ROAD_MOTORWAY : item == LEGEND_PRIMARY ? VG_ROAD_PRIMARY : VG_ROAD_STREET;

        cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
        cairo_move_to (cr, 3, height / 2.0);
        cairo_line_to (cr, width - 3, height / 2.0);
        cairo_set_source_rgb (cr, p->road_casing[c].r, p->road_casing[c].g, p->road_casing[c].b);
        cairo_set_line_width (cr, height * 0.55);
        cairo_stroke_preserve (cr);
        cairo_set_source_rgb (cr, p->road[c].r, p->road[c].g, p->road[c].b);
        cairo_set_line_width (cr, height * 0.38);
        cairo_stroke (cr);
        return;
      }
    case LEGEND_COMMUNE: line = &p->commune_line; break;
    case LEGEND_METROPOLE: line = &p->metropole_line; line_width = 2.5; break;
    case N_LEGEND_ITEMS:
    default: return;
    }
  if (fill != NULL)
    {
      cairo_rectangle (cr, 3, 3, width - 6, height - 6);
      cairo_set_source_rgb (cr, fill->r, fill->g, fill->b);
      cairo_fill_preserve (cr);
    }
  else
    {
      static const double dash[] = { 6, 3, 1.5, 3 };

      cairo_move_to (cr, 2, height / 2.0);
      cairo_line_to (cr, width - 2, height / 2.0);
      if (item == LEGEND_COMMUNE)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    }
  cairo_set_source_rgb (cr, line->r, line->g, line->b);
  cairo_set_line_width (cr, line_width);
  cairo_stroke (cr);
}

static void
build_legend (VgLayersPanel *self)
{
  for (guint i = 0; i < N_LEGEND_ITEMS; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (legend_label (i));

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 28);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 16);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_legend_cb, GUINT_TO_POINTER (i), NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (GTK_BOX (row), swatch);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (self->legend_box, row);
    }
}

static void
dark_changed_cb (VgLayersPanel *self)
{
  /* The swatches follow the map's day or night colours. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->legend_box)); row;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_queue_draw (gtk_widget_get_first_child (row));
}

static void
save_hidden (VgLayersPanel *self)
{
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->settings == NULL)
    return;
  for (guint c = 0; c < VG_N_SITE_CATEGORIES; c++)
    if (!vg_map_view_get_site_category_visible (self->map_view, c))
      g_strv_builder_add (hidden, vg_site_category_to_id (c));
  ids = g_strv_builder_end (hidden);
  g_settings_set_strv (self->settings, "hidden-site-categories", (const char * const *) ids);
}

static void
toggled_cb (GtkCheckButton *button,
            VgLayersPanel  *self)
{
  guint category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "category"));

  vg_map_view_set_site_category_visible (self->map_view, category, gtk_check_button_get_active (button));
  save_hidden (self);
}

static GtkWidget *
make_row (VgLayersPanel *self,
          guint          category,
          guint          count,
          gboolean       visible)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *symbol = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (vg_site_category_get_label (category));
  GtkWidget *number = gtk_label_new (NULL);
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  g_autofree char *description = g_strdup_printf (_("Show %s on the map"), vg_site_category_get_label (category));

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (symbol), 20);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (symbol), 20);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (symbol), draw_symbol_cb, GUINT_TO_POINTER (category), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_text (GTK_LABEL (number), count_text);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), visible);
  gtk_widget_set_tooltip_text (check, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (check), "category", GUINT_TO_POINTER (category));
  g_signal_connect (check, "toggled", G_CALLBACK (toggled_cb), self);
  self->toggles[category] = check;

  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  gtk_box_append (GTK_BOX (row), symbol);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), number);
  gtk_box_append (GTK_BOX (row), check);
  return row;
}

/* Activating a row (Enter, or a click anywhere on it) flips its toggle. */
static void
row_activated_cb (GtkListBox    *list,
                  GtkListBoxRow *row,
                  VgLayersPanel *self)
{
  int index = gtk_list_box_row_get_index (row);
  GtkCheckButton *check;

  if (index < 0 || index >= VG_N_SITE_CATEGORIES || self->toggles[index] == NULL)
    return;
  check = GTK_CHECK_BUTTON (self->toggles[index]);
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static const char *
map_layer_label (VgMapLayer layer)
{
  switch (layer)
    {
    case VG_MAP_LAYER_GAUGES: return _("River gauges");
    case VG_MAP_LAYER_WARNINGS: return _("Weather warnings");
    case VG_MAP_LAYER_TRAFFIC: return _("Traffic events");
    case VG_MAP_LAYER_INCIDENTS: return _("Incidents");
    case VG_N_MAP_LAYERS:
    default: return NULL;
    }
}

/* The situation layer a feed of @kind feeds; FALSE for the forecast (no layer of its own). */
static gboolean
layer_of_feed_kind (VgFeedKind  kind,
                    VgMapLayer *layer)
{
  switch (kind)
    {
    case VG_FEED_KIND_HUBEAU:
    case VG_FEED_KIND_SENSORTHINGS: *layer = VG_MAP_LAYER_GAUGES; return TRUE;
    case VG_FEED_KIND_CAP:
    case VG_FEED_KIND_METEOALARM_ATOM: *layer = VG_MAP_LAYER_WARNINGS; return TRUE;
    case VG_FEED_KIND_DATEX2: *layer = VG_MAP_LAYER_TRAFFIC; return TRUE;
    case VG_FEED_KIND_GEOJSON: *layer = VG_MAP_LAYER_INCIDENTS; return TRUE;
    case VG_FEED_KIND_OPENMETEO:
    case VG_N_FEED_KINDS:
    default: return FALSE;
    }
}

/* The legend symbol of a situation layer: what its items look like on the map. */
static void
draw_layer_symbol_cb (GtkDrawingArea *area,
                      cairo_t        *cr,
                      int             width,
                      int             height,
                      gpointer        user_data)
{
  double x = width / 2.0, y = height / 2.0, size = MIN (width, height) - 4;

  switch (GPOINTER_TO_UINT (user_data))
    {
    case VG_MAP_LAYER_GAUGES:
      {
        double r, g, b;

        vg_gauge_level_color (VG_GAUGE_LEVEL_NORMAL, &r, &g, &b);
        cairo_arc (cr, x, y, size / 2, 0, 2 * G_PI);
        cairo_set_source_rgb (cr, r, g, b);
        cairo_fill_preserve (cr);
        cairo_set_source_rgb (cr, 1, 1, 1);
        cairo_set_line_width (cr, 1.5);
        cairo_stroke (cr);
        cairo_move_to (cr, x - size * 0.3, y);
        cairo_curve_to (cr, x - size * 0.15, y - size * 0.2, x, y + size * 0.2, x + size * 0.3, y);
        cairo_stroke (cr);
        break;
      }
    case VG_MAP_LAYER_WARNINGS:
      cairo_rectangle (cr, 2, 3, width - 4, height - 6);
      cairo_set_source_rgba (cr, 1, 0.55, 0, 0.3);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.9, 0.47, 0, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      break;
    case VG_MAP_LAYER_TRAFFIC:
      vg_traffic_sign_draw (cr, VG_INCIDENT_ACCIDENT, x, y + 1, size);
      break;
    case VG_MAP_LAYER_INCIDENTS:
      vg_incident_symbol_draw (cr, VG_SEVERITY_MODERATE, x, y + 1, size);
      break;
    default:
      break;
    }
}

static void
save_hidden_layers (VgLayersPanel *self)
{
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  if (self->settings == NULL)
    return;
  for (guint l = 0; l < VG_N_MAP_LAYERS; l++)
    if (!vg_map_view_get_layer_visible (self->map_view, l))
      g_strv_builder_add (hidden, vg_map_layer_to_id (l));
  ids = g_strv_builder_end (hidden);
  g_settings_set_strv (self->settings, "hidden-layers", (const char * const *) ids);
}

static void
layer_toggled_cb (GtkCheckButton *button,
                  VgLayersPanel  *self)
{
  guint layer = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "layer"));

  vg_map_view_set_layer_visible (self->map_view, layer, gtk_check_button_get_active (button));
  save_hidden_layers (self);
}

static GtkWidget *
make_layer_row (VgLayersPanel *self,
                VgMapLayer     layer,
                gboolean       visible)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *symbol = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (map_layer_label (layer));
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);
  g_autofree char *description = g_strdup_printf (_("Show %s on the map"), map_layer_label (layer));

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (symbol), 20);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (symbol), 20);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (symbol), draw_layer_symbol_cb, GUINT_TO_POINTER (layer), NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), visible);
  gtk_widget_set_tooltip_text (check, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (check), "layer", GUINT_TO_POINTER (layer));
  g_signal_connect (check, "toggled", G_CALLBACK (layer_toggled_cb), self);
  gtk_box_append (GTK_BOX (top), symbol);
  gtk_box_append (GTK_BOX (top), label);
  gtk_box_append (GTK_BOX (top), check);
  gtk_box_append (GTK_BOX (row), top);

  /* Freshness under the name, aligned with it. */
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_widget_set_margin_start (status, 30);
  gtk_widget_add_css_class (status, "caption");
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_widget_set_margin_start (reason, 30);
  gtk_widget_add_css_class (reason, "caption");
  gtk_widget_add_css_class (reason, "error");
  gtk_widget_set_visible (reason, FALSE);
  gtk_box_append (GTK_BOX (row), status);
  gtk_box_append (GTK_BOX (row), reason);
  self->layer_toggles[layer] = check;
  self->layer_status[layer] = GTK_LABEL (status);
  self->layer_reason[layer] = GTK_LABEL (reason);

  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  return row;
}

static void
layer_row_activated_cb (GtkListBox    *list,
                        GtkListBoxRow *row,
                        VgLayersPanel *self)
{
  int index = gtk_list_box_row_get_index (row);
  GtkCheckButton *check;

  if (index < 0 || index >= VG_N_MAP_LAYERS || self->layer_toggles[index] == NULL)
    return;
  check = GTK_CHECK_BUTTON (self->layer_toggles[index]);
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* Each layer's freshness from the health of the feeds that feed it: the worst state wins (a
 * failing feed in red with its reason), else the age of the latest data. */
static void
refresh_layer_freshness (VgLayersPanel *self)
{
  GListModel *feeds;
  gint64 now;

  if (self->layer_status[0] == NULL)
    return;
  feeds = self->situation ? vg_picture_get_feeds (vg_situation_get_picture (self->situation)) : NULL;
  now = self->situation ? vg_clock_get_now_usec (vg_situation_get_clock (self->situation)) : 0;
  for (guint l = 0; l < VG_N_MAP_LAYERS; l++)
    {
      gboolean any = FALSE, failing = FALSE, stale = FALSE;
      gint64 latest = 0;
      g_autoptr(GString) reasons = g_string_new (NULL);
      g_autofree char *age = NULL;
      g_autofree char *text = NULL;

      for (guint i = 0; feeds != NULL && i < g_list_model_get_n_items (feeds); i++)
        {
          g_autoptr(VgFeedHealth) health = g_list_model_get_item (feeds, i);
          const char *feed_id = vg_feed_health_get_feed_id (health);
          VgFeedKind kind;
          VgMapLayer layer;

          if (!vg_situation_get_feed_kind (self->situation, feed_id, &kind) ||
              !layer_of_feed_kind (kind, &layer) || layer != l)
            continue;
          any = TRUE;
          latest = MAX (latest, vg_feed_health_get_last_success_usec (health));
          if (vg_feed_health_get_state (health) == VG_FEED_STATE_FAILING)
            {
              failing = TRUE;
              if (reasons->len > 0)
                g_string_append_c (reasons, '\n');
              g_string_append_printf (reasons, "%s: %s", vg_situation_get_feed_label (self->situation, feed_id),
                                      vg_feed_health_get_error_message (health) ? vg_feed_health_get_error_message (health) : "?");
            }
          else if (vg_feed_health_get_state (health) == VG_FEED_STATE_STALE)
            stale = TRUE;
        }
      if (latest > 0)
        age = vg_format_age (now, latest);
      if (!any)
        text = g_strdup (_("no feed"));
      else if (failing)
        text = age ? g_strdup_printf (_("failing — data from %s"), age) : g_strdup (_("failing"));
      else if (stale)
        text = age ? g_strdup_printf (_("stale — updated %s"), age) : g_strdup (_("stale"));
      else if (age != NULL)
        text = g_strdup_printf (_("updated %s"), age);
      else
        text = g_strdup (_("waiting for data"));
      gtk_label_set_text (self->layer_status[l], text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->layer_status[l]), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->layer_status[l]), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->layer_status[l]), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->layer_status[l]), failing ? "error" : stale ? "warning" : "dim-label");
      gtk_label_set_text (self->layer_reason[l], reasons->str);
      gtk_widget_set_visible (GTK_WIDGET (self->layer_reason[l]), failing);
    }
}

static void
vg_layers_panel_dispose (GObject *object)
{
  VgLayersPanel *self = VG_LAYERS_PANEL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_LAYERS_PANEL);
  g_clear_object (&self->map_view);
  g_clear_object (&self->settings);
  g_clear_object (&self->situation);

  G_OBJECT_CLASS (vg_layers_panel_parent_class)->dispose (object);
}

static void
vg_layers_panel_class_init (VgLayersPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_layers_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-layers-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, sites_list);
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, basemap_label);
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, basemap_detail);
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, legend_box);
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, feeds_list);
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, feeds_placeholder);
  gtk_widget_class_bind_template_child (widget_class, VgLayersPanel, layers_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, layer_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-layers-panel");
}

static void
vg_layers_panel_init (VgLayersPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_legend (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vg_layers_panel_new (void)
{
  return g_object_new (VG_TYPE_LAYERS_PANEL, NULL);
}

void
vg_layers_panel_set_sites (VgLayersPanel *self,
                           VgMapView     *map_view,
                           GListModel    *sites,
                           GSettings     *settings)
{
  guint counts[VG_N_SITE_CATEGORIES] = { 0 };
  g_auto(GStrv) hidden = NULL;

  g_return_if_fail (VG_IS_LAYERS_PANEL (self));
  g_return_if_fail (VG_IS_MAP_VIEW (map_view));
  g_return_if_fail (G_IS_LIST_MODEL (sites));

  g_set_object (&self->map_view, map_view);
  g_set_object (&self->settings, settings);
  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (sites, i);

      counts[vg_site_get_category (site)]++;
    }
  {
    g_auto(GStrv) hidden_layers = settings ? g_settings_get_strv (settings, "hidden-layers") : g_new0 (char *, 1);

    for (guint l = 0; l < VG_N_MAP_LAYERS; l++)
      {
        gboolean visible = !g_strv_contains ((const char * const *) hidden_layers, vg_map_layer_to_id (l));

        vg_map_view_set_layer_visible (map_view, l, visible);
        gtk_list_box_append (self->layers_list, make_layer_row (self, l, visible));
      }
    refresh_layer_freshness (self);
  }
  hidden = settings ? g_settings_get_strv (settings, "hidden-site-categories") : g_new0 (char *, 1);
  for (guint c = 0; c < VG_N_SITE_CATEGORIES; c++)
    {
      gboolean visible = !g_strv_contains ((const char * const *) hidden, vg_site_category_to_id (c));

      vg_map_view_set_site_category_visible (map_view, c, visible);
      gtk_list_box_append (self->sites_list, make_row (self, c, counts[c], visible));
    }
}

void
vg_layers_panel_set_basemap (VgLayersPanel *self,
                             const char    *basemap)
{
  g_return_if_fail (VG_IS_LAYERS_PANEL (self));

  if (g_strcmp0 (basemap, "osm") == 0)
    {
      gtk_label_set_text (self->basemap_label, _("OpenStreetMap (online)"));
      gtk_label_set_text (self->basemap_detail, _("Tiles from tile.openstreetmap.org, cached on this computer. "
                                                  "Without network, switch back to the offline map in Preferences."));
    }
  else
    {
      gtk_label_set_text (self->basemap_label, _("Offline city map"));
      gtk_label_set_text (self->basemap_detail, _("Drawn on this computer from the bundled open data: works "
                                                  "without network. Streets and buildings cover the commune of "
                                                  "Montpellier; the other 30 communes show their boundaries."));
    }
}

static const char *
feed_state_css_class (VgFeedState state)
{
  switch (state)
    {
    case VG_FEED_STATE_OK: return "feed-ok";
    case VG_FEED_STATE_STALE: return "feed-stale";
    case VG_FEED_STATE_FAILING: return "feed-failing";
    case VG_FEED_STATE_PENDING:
    default: return "feed-pending";
    }
}

static const char *
feed_state_label (VgFeedState state)
{
  switch (state)
    {
    case VG_FEED_STATE_OK: return _("up to date");
    case VG_FEED_STATE_STALE: return _("stale");
    case VG_FEED_STATE_FAILING: return _("failing");
    case VG_FEED_STATE_PENDING:
    default: return _("waiting for data");
    }
}

static GtkWidget *
feed_row (VgLayersPanel *self,
          VgFeedHealth  *health,
          gint64         now)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *dot = gtk_label_new ("●");
  GtkWidget *name = gtk_label_new (vg_situation_get_feed_label (self->situation, vg_feed_health_get_feed_id (health)));
  VgFeedState state = vg_feed_health_get_state (health);
  g_autofree char *age = NULL;
  g_autofree char *status = NULL;
  GtkWidget *detail;

  if (vg_feed_health_get_last_success_usec (health) > 0)
    age = vg_format_age (now, vg_feed_health_get_last_success_usec (health));
  /* "up to date — updated 2 min ago"; a failing feed says why, and that its data is old. */
  status = age ? g_strdup_printf (_("%s — updated %s"), feed_state_label (state), age)
               : g_strdup (feed_state_label (state));
  gtk_widget_add_css_class (dot, feed_state_css_class (state));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (top), dot);
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (row), top);

  detail = gtk_label_new (status);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, state == VG_FEED_STATE_FAILING ? "error" : "dim-label");
  gtk_box_append (GTK_BOX (row), detail);
  if (state == VG_FEED_STATE_FAILING && vg_feed_health_get_error_message (health) != NULL)
    {
      GtkWidget *reason = gtk_label_new (vg_feed_health_get_error_message (health));

      gtk_label_set_xalign (GTK_LABEL (reason), 0);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_widget_add_css_class (reason, "caption");
      gtk_widget_add_css_class (reason, "error");
      gtk_box_append (GTK_BOX (row), reason);
    }
  gtk_widget_set_margin_start (row, 8);
  gtk_widget_set_margin_end (row, 8);
  gtk_widget_set_margin_top (row, 4);
  gtk_widget_set_margin_bottom (row, 4);
  return row;
}

void
vg_layers_panel_set_situation (VgLayersPanel *self,
                               VgSituation   *situation)
{
  g_return_if_fail (VG_IS_LAYERS_PANEL (self));
  g_return_if_fail (VG_IS_SITUATION (situation));

  g_set_object (&self->situation, situation);
  vg_layers_panel_refresh_feeds (self);
}

void
vg_layers_panel_refresh_feeds (VgLayersPanel *self)
{
  GListModel *feeds;
  gint64 now;
  guint n;

  g_return_if_fail (VG_IS_LAYERS_PANEL (self));

  if (self->situation == NULL)
    return;
  feeds = vg_picture_get_feeds (vg_situation_get_picture (self->situation));
  now = vg_clock_get_now_usec (vg_situation_get_clock (self->situation));
  {
    GtkWidget *child;

    /* gtk_list_box_remove_all() is GTK 4.12. */
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->feeds_list))) != NULL)
      gtk_list_box_remove (self->feeds_list, child);
  }
  n = g_list_model_get_n_items (feeds);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VgFeedHealth) health = g_list_model_get_item (feeds, i);

      gtk_list_box_append (self->feeds_list, feed_row (self, health, now));
    }
  refresh_layer_freshness (self);
  gtk_widget_set_visible (GTK_WIDGET (self->feeds_list), n > 0);
  gtk_widget_set_visible (self->feeds_placeholder, n == 0);
}

guint
vg_layers_panel_get_n_feeds (VgLayersPanel *self)
{
  g_return_val_if_fail (VG_IS_LAYERS_PANEL (self), 0);

  return self->situation ? g_list_model_get_n_items (vg_picture_get_feeds (vg_situation_get_picture (self->situation))) : 0;
}

GtkWidget *
vg_layers_panel_get_toggle (VgLayersPanel *self,
                            guint          category)
{
  g_return_val_if_fail (VG_IS_LAYERS_PANEL (self), NULL);
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, NULL);

  return self->toggles[category];
}

GtkWidget *
vg_layers_panel_get_layer_toggle (VgLayersPanel *self,
                                  VgMapLayer     layer)
{
  g_return_val_if_fail (VG_IS_LAYERS_PANEL (self), NULL);
  g_return_val_if_fail (layer < VG_N_MAP_LAYERS, NULL);

  return self->layer_toggles[layer];
}

const char *
vg_layers_panel_get_layer_freshness (VgLayersPanel *self,
                                     VgMapLayer     layer)
{
  g_return_val_if_fail (VG_IS_LAYERS_PANEL (self), NULL);
  g_return_val_if_fail (layer < VG_N_MAP_LAYERS, NULL);

  return self->layer_status[layer] ? gtk_label_get_text (self->layer_status[layer]) : NULL;
}
