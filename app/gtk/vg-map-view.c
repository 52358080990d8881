/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-map-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "vg-area-layer.h"
#include "vg-crs-transform.h"
#include "vg-feed-origin.h"
#include "vg-hazard-layers.h"
#include "vg-incident.h"
#include "vg-map-items.h"
#include "vg-map-view.h"
#include "vg-site.h"
#include "vg-target-layer.h"
#include "vg-warning.h"
#include "vg-tile-cache.h"
#include "vg-tile-renderer.h"

#define EARTH_HALF_CIRCUMFERENCE 20037508.342789244
#define OSM_TILE_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

struct _VgMapView
{
  GtkWidget            parent_instance;

  GtkWidget           *overlay;
  ShumateSimpleMap    *simple_map;
  GtkWidget           *coverage_note;

  VgBasemap           *basemap;
  char                *cache_path;
  VgOfflineTileSource *offline_source;
  ShumateMapSource    *offline_map_source;
  ShumateMapSource    *online_map_source;
  GtkCustomFilter     *site_filter;
  guint                hidden_categories;   /* bit per VgSiteCategory */
  VgPointLayer        *sites_layer;
  VgPointLayer        *gauges_layer;
  VgPointLayer        *incidents_layer;
  VgPointLayer        *traffic_layer;
  VgAreaLayer         *warnings_layer;
  VgCrsTransform      *wgs84_to_mercator;
  guint                hidden_layers;       /* bit per VgMapLayer */
  GtkBox              *warnings_box;
  VgPicture           *picture;
  VgProjector         *projector;
  VgHazardLayers      *hazard_layers;
  VgTargetLayer       *target_layer;
  VgTargetLayer       *exposed_layer;
  GListModel          *sites;
  gboolean             online;
  gboolean             homed;    /* framed the Métropole once the widget had a size */
};

G_DEFINE_FINAL_TYPE (VgMapView, vg_map_view, GTK_TYPE_WIDGET)

enum { FEATURE_SHOWN, POINT_CHOSEN, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The operator opened a site's popover: notes may be linked to it ("site:ID"). */
static void
site_shown_cb (VgMapView *self,
               GObject   *item)
{
  g_autofree char *id = g_strdup_printf ("site:%s", vg_site_get_id (VG_SITE (item)));

  g_signal_emit (self, signals[FEATURE_SHOWN], 0, id, vg_site_get_name (VG_SITE (item)));
}

static const char *
offline_license (void)
{
  return _("Map data: Ville de Montpellier (Licence Ouverte), "
           "Montpellier Méditerranée Métropole (ODbL), IGN Admin Express (Licence Ouverte)");
}

static void
viewport_moved_cb (VgMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (shumate_simple_map_get_map (self->simple_map));

  if (self->offline_source != NULL)
    vg_offline_tile_source_set_focus (self->offline_source,
                                      shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                                      shumate_location_get_longitude (SHUMATE_LOCATION (viewport)),
                                      shumate_viewport_get_zoom_level (viewport));
}

/* Builds the offline map source for the current light/dark style. */
static void
rebuild_offline_source (VgMapView *self)
{
  g_autoptr(VgTileRenderer) renderer = NULL;
  g_autoptr(VgTileCache) cache = NULL;
  g_autoptr(GError) error = NULL;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (self->basemap == NULL)
    return;

  renderer = vg_tile_renderer_new (self->basemap, dark ? VG_BASEMAP_STYLE_NIGHT : VG_BASEMAP_STYLE_DAY);
  if (self->cache_path != NULL)
    {
      g_autofree char *file = g_strdup_printf ("%s-%s.mbtiles", self->cache_path,
                                               vg_basemap_style_to_string (vg_tile_renderer_get_style (renderer)));

      cache = vg_tile_cache_open (file, vg_tile_renderer_get_cache_key (renderer), &error);
      /* Without a disk cache the map still works; it just redraws tiles on the next start. */
      if (cache == NULL)
        g_message ("Tile cache disabled: %s", error->message);
    }

  g_clear_object (&self->offline_source);
  g_clear_object (&self->offline_map_source);
  self->offline_source = vg_offline_tile_source_new (renderer, cache);
  viewport_moved_cb (self);
  self->offline_map_source = SHUMATE_MAP_SOURCE (shumate_raster_renderer_new (SHUMATE_DATA_SOURCE (self->offline_source)));
  g_object_set (self->offline_map_source,
                "id", "vigie-offline",
                "name", _("Offline city map"),
                "license", offline_license (),
                "min-zoom-level", 9,
                "max-zoom-level", VG_TILE_MAX_ZOOM,
                "tile-size", VG_TILE_SIZE,
                "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                NULL);
}

static void
apply_source (VgMapView *self)
{
  ShumateMapSource *source;

  if (self->online && self->online_map_source == NULL)
    /* OSM tile usage policy: identifying User-Agent (set by the application), the tiles are
     * cached on disk by libshumate, and the attribution stays on screen. */
    self->online_map_source = SHUMATE_MAP_SOURCE (
      shumate_raster_renderer_new_full_from_url ("osm-mapnik", "OpenStreetMap",
                                                 _("Map data © OpenStreetMap contributors"),
                                                 "https://www.openstreetmap.org/copyright",
                                                 0, 19, 256, SHUMATE_MAP_PROJECTION_MERCATOR,
                                                 OSM_TILE_URL));
  source = self->online ? self->online_map_source : self->offline_map_source;
  if (source != NULL)
    shumate_simple_map_set_map_source (self->simple_map, source);
  gtk_widget_set_visible (self->coverage_note, !self->online);
}

static void
dark_changed_cb (VgMapView *self)
{
  rebuild_offline_source (self);
  apply_source (self);
}

void
vg_map_view_guess_size (int *width,
                        int *height)
{
  /* Before the first layout: the default window less the sidebar, proposals panel, header
   * bar and log strip (see vg-window.ui). */
  *width = 1280 - 280 - 300;
  *height = 800 - 47 - 150;
}

static void
frame_extent (VgMapView    *self,
              const double  bbox[4])
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double cx = (bbox[0] + bbox[2]) / 2, cy = (bbox[1] + bbox[3]) / 2;
  double lon = cx / EARTH_HALF_CIRCUMFERENCE * 180;
  double lat = atan (sinh (cy / EARTH_HALF_CIRCUMFERENCE * G_PI)) * 180 / G_PI;
  double zoom;

  if (width <= 1 || height <= 1)
    vg_map_view_guess_size (&width, &height);
  zoom = vg_tile_zoom_to_fit (bbox, width, height);
  shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), CLAMP (zoom, 9, 18));
  shumate_map_center_on (map, lat, lon);
}

static gboolean
site_visible (gpointer item,
              gpointer user_data)
{
  VgMapView *self = user_data;

  return !(self->hidden_categories & (1u << vg_site_get_category (item)));
}

static void
picture_changed_cb (VgMapView *self)
{
  if (self->gauges_layer != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->gauges_layer));
  if (self->incidents_layer != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->incidents_layer));
  if (self->traffic_layer != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->traffic_layer));
}

static gboolean
is_traffic (gpointer item,
            gpointer user_data)
{
  return vg_incident_is_traffic (item);
}

static gboolean
not_traffic (gpointer item,
             gpointer user_data)
{
  return !vg_incident_is_traffic (item);
}

static void
apply_layer_visibility (VgMapView *self)
{
  GtkWidget *widgets[VG_N_MAP_LAYERS][2] = {
    [VG_MAP_LAYER_GAUGES] = { GTK_WIDGET (self->gauges_layer), NULL },
    [VG_MAP_LAYER_WARNINGS] = { GTK_WIDGET (self->warnings_layer), GTK_WIDGET (self->warnings_box) },
    [VG_MAP_LAYER_TRAFFIC] = { GTK_WIDGET (self->traffic_layer), NULL },
    [VG_MAP_LAYER_INCIDENTS] = { GTK_WIDGET (self->incidents_layer), NULL },
  };

  for (guint l = 0; l < VG_N_MAP_LAYERS; l++)
    {
      gboolean visible = !(self->hidden_layers & (1u << l));

      if (widgets[l][0] != NULL)
        gtk_widget_set_visible (widgets[l][0], visible);
      /* The chips also hide when there is no warning to show. */
      if (widgets[l][1] != NULL)
        gtk_widget_set_visible (widgets[l][1], visible && gtk_widget_get_first_child (widgets[l][1]) != NULL);
    }
}

static void
add_picture_layers (VgMapView *self)
{
  ShumateViewport *viewport = shumate_map_get_viewport (shumate_simple_map_get_map (self->simple_map));

  if (self->gauges_layer != NULL)
    return;
  /* Incidents under gauges, both above the sites: what moves is what needs looking at. Traffic
   * events (DATEX II) are road signs on a layer of their own, so each can be hidden apart. */
  {
    g_autoptr(GtkFilterListModel) others = NULL;
    g_autoptr(GtkFilterListModel) traffic = NULL;

    others = gtk_filter_list_model_new (g_object_ref (vg_picture_get_incidents (self->picture)),
                                        GTK_FILTER (gtk_custom_filter_new (not_traffic, NULL, NULL)));
    traffic = gtk_filter_list_model_new (g_object_ref (vg_picture_get_incidents (self->picture)),
                                         GTK_FILTER (gtk_custom_filter_new (is_traffic, NULL, NULL)));
    self->incidents_layer = vg_point_layer_new (viewport, G_LIST_MODEL (others), 16,
                                                vg_incident_item_locate, vg_incident_item_draw, vg_incident_item_detail);
    shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->incidents_layer));
    self->traffic_layer = vg_point_layer_new (viewport, G_LIST_MODEL (traffic), 18,
                                              vg_incident_item_locate, vg_traffic_item_draw, vg_incident_item_detail);
    shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->traffic_layer));
  }
  self->gauges_layer = vg_point_layer_new (viewport, vg_picture_get_gauges (self->picture), 16,
                                           vg_gauge_item_locate, vg_gauge_item_draw, vg_gauge_item_detail);
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->gauges_layer));
  apply_layer_visibility (self);
}

static const char *
awareness_css_class (VgAwarenessLevel level)
{
  switch (level)
    {
    case VG_AWARENESS_RED: return "warning-red";
    case VG_AWARENESS_ORANGE: return "warning-orange";
    case VG_AWARENESS_YELLOW: return "warning-yellow";
    case VG_AWARENESS_GREEN:
    case VG_AWARENESS_UNKNOWN:
    default: return "warning-other";
    }
}

static void
awareness_colors (VgAwarenessLevel level,
                  GdkRGBA         *fill,
                  GdkRGBA         *stroke)
{
  /* The vigilance colours themselves (what Météo-France shows), translucent: the map and the
   * projections stay readable under them. */
  switch (level)
    {
    case VG_AWARENESS_RED:
      gdk_rgba_parse (fill, "rgba(204,0,0,0.16)");
      gdk_rgba_parse (stroke, "rgba(204,0,0,0.85)");
      break;
    case VG_AWARENESS_ORANGE:
      gdk_rgba_parse (fill, "rgba(255,140,0,0.18)");
      gdk_rgba_parse (stroke, "rgba(230,120,0,0.85)");
      break;
    case VG_AWARENESS_YELLOW:
      gdk_rgba_parse (fill, "rgba(255,220,0,0.2)");
      gdk_rgba_parse (stroke, "rgba(200,170,0,0.85)");
      break;
    case VG_AWARENESS_GREEN:
    case VG_AWARENESS_UNKNOWN:
    default:
      gdk_rgba_parse (fill, "rgba(120,120,120,0.15)");
      gdk_rgba_parse (stroke, "rgba(100,100,100,0.7)");
      break;
    }
}

/* A CAP circle as a 64-sided polygon in WGS84 lon/lat. */
static void
add_circle (VgShapeSet *shapes,
            double      lon,
            double      lat,
            double      radius_m)
{
  double dlat = radius_m / 111320.0, dlon = radius_m / (111320.0 * MAX (cos (lat * G_PI / 180), 0.01));

  vg_shape_set_begin_shape (shapes, VG_SHAPE_POLYGON);
  vg_shape_set_begin_part (shapes, TRUE);
  for (guint i = 0; i <= 64; i++)
    {
      double a = 2 * G_PI * (i % 64) / 64;

      vg_shape_set_add_point (shapes, lon + dlon * cos (a), lat + dlat * sin (a));
    }
  vg_shape_set_end_shape (shapes);
}

static void
add_warning_area (VgMapView *self,
                  VgWarning *warning)
{
  VgCapArea *area = vg_warning_get_area (warning);
  g_autoptr(VgShapeSet) circles = vg_shape_set_new ();
  g_autoptr(GError) error = NULL;
  VgShapeSet *polygons;
  GdkRGBA fill, stroke;
  gboolean drawn = FALSE;

  /* Green is MeteoAlarm's "no particular awareness": nothing to shade. */
  if (area == NULL || vg_warning_get_awareness_level (warning) == VG_AWARENESS_GREEN)
    return;
  awareness_colors (vg_warning_get_awareness_level (warning), &fill, &stroke);
  polygons = vg_cap_area_get_polygons (area);
  for (guint i = 0; polygons != NULL && i < vg_shape_set_get_n_shapes (polygons); i++)
    if (vg_area_layer_add (self->warnings_layer, polygons, i, self->wgs84_to_mercator, &fill, &stroke, 2, &error) != G_MAXUINT)
      drawn = TRUE;
    else
      g_message ("Warning “%s”: polygon %u not drawn: %s", vg_warning_get_identifier (warning), i, error->message);
  for (guint i = 0; i < vg_cap_area_get_n_circles (area); i++)
    {
      double lon, lat, radius;

      vg_cap_area_get_circle (area, i, &lon, &lat, &radius);
      add_circle (circles, lon, lat, radius);
    }
  for (guint i = 0; i < vg_shape_set_get_n_shapes (circles); i++)
    if (vg_area_layer_add (self->warnings_layer, circles, i, self->wgs84_to_mercator, &fill, &stroke, 2, NULL) != G_MAXUINT)
      drawn = TRUE;
  /* A département warning given only by its geocode (Hérault, NUTS FR813/FRJ13): the basemap
   * holds no département, so the Métropole it covers is shaded. */
  if (!drawn && self->basemap != NULL && vg_cap_area_has_nuts (area, "FR813"))
    {
      VgShapeSet *metropole = vg_layer_get_shapes (vg_basemap_get_layer (self->basemap, VG_BASEMAP_METROPOLE));

      for (guint i = 0; i < vg_shape_set_get_n_shapes (metropole); i++)
        vg_area_layer_add (self->warnings_layer, metropole, i, NULL, &fill, &stroke, 3, NULL);
    }
}

static void
rebuild_warning_areas (VgMapView *self)
{
  g_autoptr(GHashTable) shaded = g_hash_table_new (g_str_hash, g_str_equal);   /* area keys, borrowed */
  GListModel *warnings;
  guint n;

  if (self->warnings_layer == NULL || self->picture == NULL)
    return;
  vg_area_layer_clear (self->warnings_layer);
  warnings = vg_picture_get_warnings (self->picture);
  n = g_list_model_get_n_items (warnings);
  /* Most severe first in the list. Two warnings on one area (rain-flood and thunderstorms for
   * Hérault) shade it once, in the more severe colour: stacked fills would hide the map. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VgWarning) w = g_list_model_get_item (warnings, i);
      VgCapArea *area = vg_warning_get_area (w);
      const char *key = area ? vg_cap_area_get_key (area) : NULL;

      if (key != NULL && g_hash_table_contains (shaded, key))
        continue;
      if (key != NULL)
        g_hash_table_add (shaded, (gpointer) key);
      add_warning_area (self, w);
    }
}

/* The official warnings in force, on the map in their own colours: they always win over
 * anything Vigie computes. */
static void
warnings_changed_cb (VgMapView *self)
{
  GListModel *warnings = vg_picture_get_warnings (self->picture);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_box))) != NULL)
    gtk_box_remove (self->warnings_box, child);
  for (guint i = 0; i < g_list_model_get_n_items (warnings); i++)
    {
      g_autoptr(VgWarning) w = g_list_model_get_item (warnings, i);
      g_autofree char *text = NULL;
      g_autofree char *until = NULL;
      GtkWidget *chip;

      if (vg_warning_get_expires (w) != VG_FEED_TIME_UNKNOWN)
        until = vg_format_local_time (vg_warning_get_expires (w));
      text = g_strdup_printf ("%s — %s%s%s", vg_warning_get_sender_name (w) ? vg_warning_get_sender_name (w) : vg_warning_get_sender (w),
                              vg_warning_get_headline (w) ? vg_warning_get_headline (w) : vg_warning_get_event (w),
                              until ? _(", until ") : "", until ? until : "");
      chip = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (chip), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (chip), 60);
      gtk_label_set_xalign (GTK_LABEL (chip), 0);
      gtk_widget_add_css_class (chip, "warning-chip");
      gtk_widget_add_css_class (chip, awareness_css_class (vg_warning_get_awareness_level (w)));
      gtk_box_append (self->warnings_box, chip);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_box),
                          g_list_model_get_n_items (warnings) > 0 && !(self->hidden_layers & (1u << VG_MAP_LAYER_WARNINGS)));
  rebuild_warning_areas (self);
}

static gboolean
go_home_idle_cb (gpointer user_data)
{
  vg_map_view_go_home (user_data);
  return G_SOURCE_REMOVE;
}

static void
vg_map_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  VgMapView *self = VG_MAP_VIEW (widget);

  gtk_widget_allocate (self->overlay, width, height, baseline, NULL);
  /* The first real size decides the zoom that frames the Métropole; moving the viewport
   * queues a new allocation, which must not happen inside this one. */
  if (!self->homed && self->basemap != NULL && width > 1 && height > 1)
    {
      self->homed = TRUE;
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, go_home_idle_cb, g_object_ref (self), g_object_unref);
    }
}

static void
vg_map_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  VgMapView *self = VG_MAP_VIEW (widget);

  gtk_widget_measure (self->overlay, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
vg_map_view_dispose (GObject *object)
{
  VgMapView *self = VG_MAP_VIEW (object);

  g_clear_object (&self->hazard_layers);
  g_clear_object (&self->warnings_layer);
  g_clear_object (&self->wgs84_to_mercator);
  g_clear_object (&self->target_layer);
  g_clear_object (&self->exposed_layer);
  g_clear_object (&self->sites);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_MAP_VIEW);
  g_clear_object (&self->projector);
  g_clear_object (&self->offline_source);
  g_clear_object (&self->offline_map_source);
  g_clear_object (&self->online_map_source);
  g_clear_object (&self->basemap);
  g_clear_object (&self->site_filter);
  g_clear_object (&self->picture);
  g_clear_pointer (&self->cache_path, g_free);

  G_OBJECT_CLASS (vg_map_view_parent_class)->dispose (object);
}

static void
vg_map_view_class_init (VgMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_map_view_dispose;
  widget_class->size_allocate = vg_map_view_size_allocate;

  /* A feature's popover was opened: its id ("site:…") and its name. */
  signals[FEATURE_SHOWN] = g_signal_new ("feature-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  widget_class->measure = vg_map_view_measure;
  /* A point of the map was picked by a secondary click or a long press: latitude, longitude. */
  signals[POINT_CHOSEN] = g_signal_new ("point-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  g_type_ensure (SHUMATE_TYPE_SIMPLE_MAP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-map-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VgMapView, overlay);
  gtk_widget_class_bind_template_child (widget_class, VgMapView, simple_map);
  gtk_widget_class_bind_template_child (widget_class, VgMapView, coverage_note);
  gtk_widget_class_bind_template_child (widget_class, VgMapView, warnings_box);
  gtk_widget_class_set_css_name (widget_class, "vg-map-view");
}

/* A secondary click (or a long press on a touch screen) picks a point of the map, e.g. where a
 * reported incident is: ::point-chosen says where, in WGS84. */
static void
secondary_pressed_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      VgMapView       *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  double lat, lon;

  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (map), GTK_WIDGET (map), x, y, &lat, &lon);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  g_signal_emit (self, signals[POINT_CHOSEN], 0, lat, lon);
}

static void
long_pressed_cb (GtkGestureLongPress *gesture,
                 double               x,
                 double               y,
                 VgMapView           *self)
{
  ShumateMap *map = shumate_simple_map_get_map (self->simple_map);
  double lat, lon;

  shumate_viewport_widget_coords_to_location (shumate_map_get_viewport (map), GTK_WIDGET (map), x, y, &lat, &lon);
  g_signal_emit (self, signals[POINT_CHOSEN], 0, lat, lon);
}

static void
vg_map_view_init (VgMapView *self)
{
  GtkGesture *secondary = gtk_gesture_click_new ();
  GtkGesture *long_press = gtk_gesture_long_press_new ();
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->wgs84_to_mercator = vg_crs_transform_new ("EPSG:4326", "EPSG:3857", &error);
  if (self->wgs84_to_mercator == NULL)
    g_error ("PROJ cannot place WGS84: %s", error->message);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (shumate_map_get_viewport (shumate_simple_map_get_map (self->simple_map)), "notify",
                           G_CALLBACK (viewport_moved_cb), self, G_CONNECT_SWAPPED);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (secondary_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)), GTK_EVENT_CONTROLLER (secondary));
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect (long_press, "pressed", G_CALLBACK (long_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (shumate_simple_map_get_map (self->simple_map)), GTK_EVENT_CONTROLLER (long_press));
}

GtkWidget *
vg_map_view_new (void)
{
  return g_object_new (VG_TYPE_MAP_VIEW, NULL);
}

void
vg_map_view_set_basemap (VgMapView  *self,
                         VgBasemap  *basemap,
                         const char *cache_path,
                         GListModel *sites)
{
  ShumateMap *map;

  g_return_if_fail (VG_IS_MAP_VIEW (self));
  g_return_if_fail (VG_IS_BASEMAP (basemap));
  g_return_if_fail (self->basemap == NULL);

  self->basemap = g_object_ref (basemap);
  self->cache_path = g_strdup (cache_path);
  /* Frame the Métropole before the source is set, so that the first tiles requested are the
   * home view's (with a guessed size if not allocated yet; the first real allocation frames it
   * again). */
  self->homed = gtk_widget_get_width (GTK_WIDGET (self)) > 1;
  vg_map_view_go_home (self);
  rebuild_offline_source (self);
  /* Overlay layers need a map source first (libshumate 1.0). */
  apply_source (self);

  map = shumate_simple_map_get_map (self->simple_map);
  if (sites != NULL)
    {
      g_autoptr(GtkFilterListModel) visible = NULL;

      self->site_filter = gtk_custom_filter_new (site_visible, self, NULL);
      visible = gtk_filter_list_model_new (g_object_ref (sites), GTK_FILTER (g_object_ref (self->site_filter)));
      self->sites_layer = vg_point_layer_new (shumate_map_get_viewport (map), G_LIST_MODEL (visible), 9,
                                              vg_site_item_locate, vg_site_item_draw, vg_site_item_detail);
      shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->sites_layer));
      g_signal_connect_object (self->sites_layer, "item-shown", G_CALLBACK (site_shown_cb), self, G_CONNECT_SWAPPED);
      self->sites = g_object_ref (sites);
    }
  /* The warning areas at the bottom, under the projections and every point layer. */
  self->warnings_layer = g_object_ref_sink (vg_area_layer_new (shumate_map_get_viewport (map)));
  if (self->sites_layer != NULL)
    shumate_map_insert_layer_behind (map, SHUMATE_LAYER (self->warnings_layer), SHUMATE_LAYER (self->sites_layer));
  else
    shumate_map_add_layer (map, SHUMATE_LAYER (self->warnings_layer));
  rebuild_warning_areas (self);
  if (self->picture != NULL)
    add_picture_layers (self);
  apply_layer_visibility (self);
  /* The projections under every point layer. */
  self->hazard_layers = vg_hazard_layers_new (map, self->sites_layer ? SHUMATE_LAYER (self->sites_layer) : NULL);
  vg_hazard_layers_set_projector (self->hazard_layers, self->projector);
}

void
vg_map_view_set_projector (VgMapView   *self,
                           VgProjector *projector)
{
  g_return_if_fail (VG_IS_MAP_VIEW (self));
  g_return_if_fail (projector == NULL || VG_IS_PROJECTOR (projector));

  g_set_object (&self->projector, projector);
  if (self->hazard_layers != NULL)
    vg_hazard_layers_set_projector (self->hazard_layers, projector);
}

VgHazardLayers *
vg_map_view_get_hazard_layers (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  return self->hazard_layers;
}

void
vg_map_view_set_online (VgMapView *self,
                        gboolean   online)
{
  g_return_if_fail (VG_IS_MAP_VIEW (self));

  if (self->online == !!online)
    return;
  self->online = !!online;
  apply_source (self);
}

gboolean
vg_map_view_get_online (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), FALSE);

  return self->online;
}

void
vg_map_view_go_home (VgMapView *self)
{
  double bbox[4];

  g_return_if_fail (VG_IS_MAP_VIEW (self));

  if (self->basemap == NULL)
    return;
  vg_basemap_get_extent (self->basemap, bbox);
  frame_extent (self, bbox);
}

void
vg_map_view_go_to (VgMapView *self,
                   double     lat,
                   double     lon,
                   double     zoom)
{
  ShumateMap *map;

  g_return_if_fail (VG_IS_MAP_VIEW (self));

  map = shumate_simple_map_get_map (self->simple_map);
  shumate_viewport_set_zoom_level (shumate_map_get_viewport (map), zoom);
  shumate_map_center_on (map, lat, lon);
}

void
vg_map_view_zoom_in (VgMapView *self)
{
  g_return_if_fail (VG_IS_MAP_VIEW (self));

  shumate_map_zoom_in (shumate_simple_map_get_map (self->simple_map));
}

void
vg_map_view_zoom_out (VgMapView *self)
{
  g_return_if_fail (VG_IS_MAP_VIEW (self));

  shumate_map_zoom_out (shumate_simple_map_get_map (self->simple_map));
}

ShumateMap *
vg_map_view_get_map (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  return shumate_simple_map_get_map (self->simple_map);
}

VgPointLayer *
vg_map_view_get_sites_layer (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  return self->sites_layer;
}

VgPointLayer *
vg_map_view_get_gauges_layer (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  return self->gauges_layer;
}

gboolean
vg_map_view_get_site_category_visible (VgMapView      *self,
                                       VgSiteCategory  category)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (category < VG_N_SITE_CATEGORIES, FALSE);

  return !(self->hidden_categories & (1u << category));
}

void
vg_map_view_set_site_category_visible (VgMapView      *self,
                                       VgSiteCategory  category,
                                       gboolean        visible)
{
  guint before;

  g_return_if_fail (VG_IS_MAP_VIEW (self));
  g_return_if_fail (category < VG_N_SITE_CATEGORIES);

  before = self->hidden_categories;
  if (visible)
    self->hidden_categories &= ~(1u << category);
  else
    self->hidden_categories |= 1u << category;
  if (before != self->hidden_categories && self->site_filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->site_filter), visible ? GTK_FILTER_CHANGE_LESS_STRICT
                                                               : GTK_FILTER_CHANGE_MORE_STRICT);
}

void
vg_map_view_set_picture (VgMapView *self,
                         VgPicture *picture)
{
  g_return_if_fail (VG_IS_MAP_VIEW (self));
  g_return_if_fail (VG_IS_PICTURE (picture));
  g_return_if_fail (self->picture == NULL);

  self->picture = g_object_ref (picture);
  g_signal_connect_object (vg_picture_get_warnings (picture), "items-changed",
                           G_CALLBACK (warnings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (picture, "changed", G_CALLBACK (picture_changed_cb), self, G_CONNECT_SWAPPED);
  warnings_changed_cb (self);
  /* Layers need the map source the basemap brings; added then if not yet. */
  if (self->basemap != NULL)
    add_picture_layers (self);
}

VgOfflineTileSource *
vg_map_view_get_offline_source (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  return self->offline_source;
}

guint
vg_map_view_get_n_warnings_shown (VgMapView *self)
{
  guint n = 0;

  g_return_val_if_fail (VG_IS_MAP_VIEW (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_box)); child;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

void
vg_map_view_show_targets (VgMapView  *self,
                          GListModel *targets)
{
  ShumateMap *map;
  int width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double min_lat, min_lon, max_lat, max_lon, zoom, span_x, span_y;

  g_return_if_fail (VG_IS_MAP_VIEW (self));
  g_return_if_fail (targets == NULL || G_IS_LIST_MODEL (targets));

  map = shumate_simple_map_get_map (self->simple_map);
  if (self->target_layer == NULL)
    self->target_layer = g_object_ref_sink (vg_target_layer_new (shumate_map_get_viewport (map)));
  else
    shumate_simple_map_remove_overlay_layer (self->simple_map, SHUMATE_LAYER (self->target_layer));
  /* Always the top layer: it is what the operator is deciding about. */
  shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->target_layer));
  vg_target_layer_set_targets (self->target_layer, targets);
  if (targets == NULL || !vg_target_layer_get_bounds (self->target_layer, &min_lat, &min_lon, &max_lat, &max_lon))
    return;
  if (width <= 1 || height <= 1)
    vg_map_view_guess_size (&width, &height);
  /* The zoom that fits the box with a margin (Web Mercator: 256 px per 360° at zoom 0). */
  span_x = MAX (max_lon - min_lon, 1e-4) * 1.4;
  span_y = MAX (max_lat - min_lat, 1e-4) * 1.4 / cos ((min_lat + max_lat) / 2 * G_PI / 180);
  zoom = MIN (log2 (width * 360.0 / (256 * span_x)), log2 (height * 360.0 / (256 * span_y)));
  vg_map_view_go_to (self, (min_lat + max_lat) / 2, (min_lon + max_lon) / 2, CLAMP (floor (zoom), 11, 17));
}

VgTargetLayer *
vg_map_view_get_target_layer (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  return self->target_layer;
}

void
vg_map_view_show_exposed (VgMapView  *self,
                          GListModel *targets)
{
  g_return_if_fail (VG_IS_MAP_VIEW (self));
  g_return_if_fail (targets == NULL || G_IS_LIST_MODEL (targets));

  if (self->exposed_layer == NULL)
    {
      ShumateMap *map = shumate_simple_map_get_map (self->simple_map);

      self->exposed_layer = g_object_ref_sink (vg_target_layer_new (shumate_map_get_viewport (map)));
      vg_target_layer_set_style (self->exposed_layer, VG_TARGET_STYLE_EXPOSED);
      shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->exposed_layer));
      /* Under what is being decided about. */
      if (self->target_layer != NULL)
        {
          shumate_simple_map_remove_overlay_layer (self->simple_map, SHUMATE_LAYER (self->target_layer));
          shumate_simple_map_add_overlay_layer (self->simple_map, SHUMATE_LAYER (self->target_layer));
        }
    }
  vg_target_layer_set_targets (self->exposed_layer, targets);
}

VgTargetLayer *
vg_map_view_get_exposed_layer (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  return self->exposed_layer;
}

gboolean
vg_map_view_focus_feature (VgMapView  *self,
                           const char *feature_id)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (feature_id != NULL, FALSE);

  if (!g_str_has_prefix (feature_id, "site:") || self->sites == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (self->sites); i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (self->sites, i);

      if (g_str_equal (vg_site_get_id (site), feature_id + strlen ("site:")))
        {
          vg_map_view_go_to (self, vg_site_get_latitude (site), vg_site_get_longitude (site), 16);
          vg_point_layer_show_item (self->sites_layer, site);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
vg_map_layer_to_id (VgMapLayer layer)
{
  static const char * const ids[] = { "gauges", "warnings", "traffic", "incidents" };

  g_return_val_if_fail (layer < VG_N_MAP_LAYERS, NULL);

  return ids[layer];
}

gboolean
vg_map_view_get_layer_visible (VgMapView  *self,
                               VgMapLayer  layer)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), FALSE);
  g_return_val_if_fail (layer < VG_N_MAP_LAYERS, FALSE);

  return !(self->hidden_layers & (1u << layer));
}

void
vg_map_view_set_layer_visible (VgMapView  *self,
                               VgMapLayer  layer,
                               gboolean    visible)
{
  g_return_if_fail (VG_IS_MAP_VIEW (self));
  g_return_if_fail (layer < VG_N_MAP_LAYERS);

  if (visible)
    self->hidden_layers &= ~(1u << layer);
  else
    self->hidden_layers |= 1u << layer;
  apply_layer_visibility (self);
}

VgPointLayer *
vg_map_view_get_point_layer (VgMapView  *self,
                             VgMapLayer  layer)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), NULL);

  switch (layer)
    {
    case VG_MAP_LAYER_GAUGES: return self->gauges_layer;
    case VG_MAP_LAYER_TRAFFIC: return self->traffic_layer;
    case VG_MAP_LAYER_INCIDENTS: return self->incidents_layer;
    case VG_MAP_LAYER_WARNINGS:
    case VG_N_MAP_LAYERS:
    default: return NULL;
    }
}

guint
vg_map_view_get_n_warning_areas (VgMapView *self)
{
  g_return_val_if_fail (VG_IS_MAP_VIEW (self), 0);

  return self->warnings_layer ? vg_area_layer_get_n_areas (self->warnings_layer) : 0;
}
