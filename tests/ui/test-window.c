/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "vg-application.h"
#include "vg-data-dir.h"
#include "vg-exposed-item.h"
#include "vg-feed-config.h"
#include "vg-preferences-window.h"
#include "vg-incident-dialog.h"
#include "vg-scenario-picker.h"
#include "vg-log-entry.h"
#include "vg-log-strip.h"
#include "vg-test-util.h"
#include "vg-ui-test-util.h"
#include "vg-site.h"
#include "vg-window.h"

static VgApplication *app;

static gboolean
tiles_delivered (gpointer data)
{
  VgOfflineTileSource *source = vg_map_view_get_offline_source (vg_window_get_map_view (data));

  return source != NULL && vg_offline_tile_source_get_n_delivered (source) >= 6;
}

/* What the map widget shows, rendered as a person would see it. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  /* A map squeezed to nothing by the panes is a layout bug, said as such. */
  g_assert_cmpint (w, >, 0);
  g_assert_cmpint (h, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
}

typedef struct { double variance; double land_share; } PixelStats;

static PixelStats
pixel_stats (GdkTexture *texture)
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) w * h);
  double sum = 0, sum2 = 0;
  guint land = 0;
  PixelStats stats;

  gdk_texture_download (texture, (guchar *) pixels, w * 4);
  for (int i = 0; i < w * h; i++)
    {
      guint32 p = pixels[i];
      int r = p >> 16 & 0xff, g = p >> 8 & 0xff, b = p & 0xff;
      double l = 0.299 * r + 0.587 * g + 0.114 * b;

      sum += l;
      sum2 += l * l;
      /* The offline basemap's land colour, #f2efe9. */
      land += abs (r - 0xf2) < 6 && abs (g - 0xef) < 6 && abs (b - 0xe9) < 6;
    }
  stats.variance = sum2 / (w * h) - (sum / (w * h)) * (sum / (w * h));
  stats.land_share = land / (double) (w * h);
  return stats;
}

/* The window opens on the Métropole and its map shows real offline tiles: a land colour over a
 * good part of the map, and enough structure (boundaries, labels, sites) to be no blank. */
static void
test_map_shows_tiles (void)
{
  VgWindow *window = vg_window_new (GTK_APPLICATION (app));
  g_autoptr(GdkTexture) texture = NULL;
  VgMapView *map_view = vg_window_get_map_view (window);
  PixelStats stats;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  vg_ui_test_settle ();

  texture = render_widget (GTK_WIDGET (map_view));
  if (g_getenv ("VIGIE_TEST_SAVE_MAP") != NULL)
    gdk_texture_save_to_png (texture, g_getenv ("VIGIE_TEST_SAVE_MAP"));
  stats = pixel_stats (texture);
  g_test_message ("map %dx%d: luminance variance %.1f, land share %.2f",
                  gdk_texture_get_width (texture), gdk_texture_get_height (texture),
                  stats.variance, stats.land_share);
  g_assert_cmpfloat (stats.land_share, >, 0.2);
  g_assert_cmpfloat (stats.variance, >, 20);
  g_assert_cmpuint (vg_point_layer_get_n_drawn (vg_map_view_get_sites_layer (map_view)), >, 200);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Toggling a category in the sidebar hides its sites on the map and is remembered. */
static void
test_layer_toggle (void)
{
  VgWindow *window = vg_window_new (GTK_APPLICATION (app));
  VgMapView *map_view = vg_window_get_map_view (window);
  VgPointLayer *layer = vg_map_view_get_sites_layer (map_view);
  GtkWidget *toggle = vg_layers_panel_get_toggle (vg_window_get_layers_panel (window), VG_SITE_SCHOOL);
  g_auto(GStrv) hidden = NULL;
  guint before;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  vg_ui_test_settle ();
  before = vg_point_layer_get_n_drawn (layer);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), FALSE);
  vg_ui_test_settle ();
  g_assert_false (vg_map_view_get_site_category_visible (map_view, VG_SITE_SCHOOL));
  /* 151 schools are no longer drawn (all are inside the framed Métropole). */
  g_assert_cmpuint (vg_point_layer_get_n_drawn (layer), ==, before - 151);
  hidden = g_settings_get_strv (vg_application_get_settings (app), "hidden-site-categories");
  g_assert_true (g_strv_contains ((const char * const *) hidden, "school"));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  vg_ui_test_settle ();
  g_assert_cmpuint (vg_point_layer_get_n_drawn (layer), ==, before);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
label_in_tree (GtkWidget  *widget,
               const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_in_tree (child, text))
      return TRUE;
  return FALSE;
}

/* A site's popover names it: the Zénith, an emergency accommodation site. */
static gboolean
label_containing (GtkWidget  *widget,
                  const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  /* A closed expander keeps its child out of the tree. */
  if (GTK_IS_EXPANDER (widget) && gtk_expander_get_child (GTK_EXPANDER (widget)) != NULL &&
      label_containing (gtk_expander_get_child (GTK_EXPANDER (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (label_containing (child, text))
      return TRUE;
  return FALSE;
}

static void
test_site_popover (void)
{
  VgWindow *window = vg_window_new (GTK_APPLICATION (app));
  VgPointLayer *layer = vg_map_view_get_sites_layer (vg_window_get_map_view (window));
  GListModel *sites = vg_application_get_sites (app);
  g_autoptr(VgSite) zenith = NULL;
  GtkWidget *popover = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  for (guint i = 0; i < g_list_model_get_n_items (sites) && zenith == NULL; i++)
    {
      g_autoptr(VgSite) site = g_list_model_get_item (sites, i);

      if (g_str_equal (vg_site_get_name (site), "Zénith"))
        zenith = g_steal_pointer (&site);
    }
  g_assert_nonnull (zenith);

  vg_point_layer_show_item (layer, zenith);
  vg_ui_test_settle ();
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (layer)); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      popover = child;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (label_in_tree (popover, "Zénith"));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The next log entry is linked to the site looked at, and leads back to it. */
  {
    VgLogStrip *strip = VG_LOG_STRIP (vg_window_get_log_strip (window));
    GListModel *log = vg_situation_get_log (vg_application_get_situation (app));
    g_autofree char *id = g_strdup_printf ("site:%s", vg_site_get_id (zenith));
    g_autoptr(VgLogEntry) last = NULL;
    ShumateViewport *viewport = shumate_map_get_viewport (vg_map_view_get_map (vg_window_get_map_view (window)));

    g_assert_cmpstr (vg_log_strip_get_feature (strip), ==, id);
    g_assert_true (vg_log_strip_record (strip, "Zénith : parking réquisitionné pour les secours"));
    last = g_list_model_get_item (log, g_list_model_get_n_items (log) - 1);
    g_assert_cmpstr (vg_log_entry_get_features (last)[0], ==, id);
    g_assert_null (vg_log_strip_get_feature (strip));
    vg_map_view_go_home (vg_window_get_map_view (window));
    vg_ui_test_settle ();
    vg_log_strip_activate_entry (strip, vg_log_strip_get_n_shown (strip) - 1);
    vg_ui_test_settle ();
    g_assert_cmpfloat_with_epsilon (shumate_location_get_latitude (SHUMATE_LOCATION (viewport)), vg_site_get_latitude (zenith), 1e-4);
    g_assert_cmpfloat_with_epsilon (shumate_location_get_longitude (SHUMATE_LOCATION (viewport)), vg_site_get_longitude (zenith), 1e-4);
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* EXERCISE is shown unmistakably and notified once per real change. */
static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_exercise_mode (void)
{
  VgWindow *window = vg_window_new (GTK_APPLICATION (app));
  guint notifies = 0;

  g_signal_connect (window, "notify::exercise", G_CALLBACK (notify_cb), &notifies);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (vg_window_get_exercise (window));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "exercise-mode"));

  vg_window_set_exercise (window, TRUE);
  vg_window_set_exercise (window, TRUE);
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "exercise-mode"));

  vg_window_set_exercise (window, FALSE);
  g_assert_cmpuint (notifies, ==, 2);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window), "exercise-mode"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The header bar shows the situation clock in the city's time zone; F9 hides the sidebar. */
static void
test_clock_and_sidebar (void)
{
  VgWindow *window = vg_window_new (GTK_APPLICATION (app));
  GSettings *settings = vg_application_get_settings (app);
  const char *clock_text;

  gtk_window_present (GTK_WINDOW (window));
  clock_text = vg_window_get_clock_text (window);
  g_assert_nonnull (clock_text);
  g_assert_true (strstr (clock_text, "CET") != NULL || strstr (clock_text, "CEST") != NULL);

  g_assert_true (g_settings_get_boolean (settings, "sidebar-visible"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_false (g_settings_get_boolean (settings, "sidebar-visible"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (vg_window_get_layers_panel (window))) &&
                  gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (vg_window_get_layers_panel (window)))));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL);
  g_assert_true (g_settings_get_boolean (settings, "sidebar-visible"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A note typed in the log strip is in the journal, listed, and found by the search. */
static void
test_operator_log (void)
{
  VgWindow *window = vg_window_new (GTK_APPLICATION (app));
  VgLogStrip *strip = VG_LOG_STRIP (vg_window_get_log_strip (window));
  VgSituation *situation = vg_application_get_situation (app);
  GListModel *log = vg_situation_get_log (situation);
  guint before = g_list_model_get_n_items (log);
  g_autoptr(VgLogEntry) last = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (vg_situation_is_read_only (situation));
  g_assert_true (vg_log_strip_record (strip, "Crue du Lez : fermeture du parking Gaumont demandée"));
  g_assert_true (vg_log_strip_record (strip, "Mosson : RAS à Saint-Jean-de-Védas"));
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, before + 2);
  last = g_list_model_get_item (log, before + 1);
  g_assert_cmpstr (vg_log_entry_get_author (last), ==, "Opérateur de test");
  g_assert_cmpstr (vg_log_entry_get_text (last), ==, "Mosson : RAS à Saint-Jean-de-Védas");
  g_assert_cmpuint (vg_log_strip_get_n_shown (strip), ==, before + 2);

  vg_log_strip_set_search (strip, "GAUMONT");
  g_assert_cmpuint (vg_log_strip_get_n_shown (strip), ==, 1);
  vg_log_strip_set_search (strip, "");
  g_assert_cmpuint (vg_log_strip_get_n_shown (strip), ==, before + 2);

  /* Ctrl+L lands in the note field. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "log.new-entry", NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An exercise window replays the Lez 2014 scenario: EXERCISE everywhere, the gauges and the
 * red warning on the map at the scenario's evening, the feeds' health listed. */
static void
test_exercise_replay (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  VgReplayBar *bar;
  VgMapView *map_view;
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2014, 9, 29, 18, 0, 0);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  gtk_window_present (window);
  g_assert_true (vg_window_get_exercise (VG_WINDOW (window)));
  bar = vg_window_get_replay_bar (VG_WINDOW (window));
  g_assert_nonnull (bar);
  map_view = vg_window_get_map_view (VG_WINDOW (window));
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));

  vg_replay_bar_seek (bar, vg_time_to_usec (evening));
  vg_ui_test_settle ();
  g_assert_cmpuint (vg_point_layer_get_n_drawn (vg_map_view_get_gauges_layer (map_view)), ==, 3);
  g_assert_cmpuint (vg_map_view_get_n_warnings_shown (map_view), >=, 1);
  g_assert_cmpuint (vg_layers_panel_get_n_feeds (vg_window_get_layers_panel (VG_WINDOW (window))), >=, 2);
  g_assert_true (g_str_has_prefix (vg_window_get_clock_text (VG_WINDOW (window)), "Scenario time"));
  gtk_window_destroy (window);
}

static gboolean
flood_shown (gpointer data)
{
  return vg_flood_panel_get_outlook (vg_window_get_flood_panel (data)) != NULL;
}

/* Pixels of @texture whose colour @matches. */
static guint
count_pixels (GdkTexture *texture,
              gboolean  (*matches) (int r, int g, int b))
{
  int w = gdk_texture_get_width (texture), h = gdk_texture_get_height (texture);
  g_autofree guint32 *pixels = g_new (guint32, (gsize) w * h);
  guint n = 0;

  gdk_texture_download (texture, (guchar *) pixels, w * 4);
  for (int i = 0; i < w * h; i++)
    n += matches (pixels[i] >> 16 & 0xff, pixels[i] >> 8 & 0xff, pixels[i] & 0xff);
  return n;
}

/* The flood palette (ColorBrewer Blues over the basemap: blue clearly above red and green,
 * unlike the pale watercourses). */
static gboolean
is_flood_colour (int r,
                 int g,
                 int b)
{
  return b > r + 60 && b > g + 20;
}

static guint
count_flood_pixels (GdkTexture *texture)
{
  return count_pixels (texture, is_flood_colour);
}

static void
assert_totals_equal (const VgFloodTotals *a,
                     const VgFloodTotals *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (a->buildings, ==, b->buildings);
  g_assert_cmpuint (a->addresses, ==, b->addresses);
  g_assert_cmpuint (a->road_segments, ==, b->road_segments);
  g_assert_cmpuint (a->sites, ==, b->sites);
  g_assert_cmpfloat (a->building_area_m2, ==, b->building_area_m2);
}

static guint
count_rows (GListModel *rows,
            const char *kind)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(VgExposedItem) item = g_list_model_get_item (rows, i);

      n += g_str_equal (vg_exposed_item_get_kind (item), kind);
    }
  return n;
}

/* The Lez flood of 29 September 2014: the flood pane shows the gauge's outlook with the totals
 * of the envelope its stage reaches, the map draws that envelope, and the what-if slider moves
 * both to the envelope a stage picks in the precomputed index, then back. */
static gboolean
row_named (GListModel *rows,
           const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(VgExposedItem) item = g_list_model_get_item (rows, i);

      if (g_strcmp0 (vg_exposed_item_get_name (item), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_flood_panel (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  g_autoptr(GDateTime) afternoon = g_date_time_new_utc (2014, 9, 29, 15, 30, 0);
  VgHazardModels *models = vg_application_get_hazard_models (app);
  VgFloodExposureIndex *index = vg_hazard_models_get_flood_index (models);
  VgFloodPanel *panel;
  VgFloodOutlook *outlook;
  VgMapView *map_view;
  VgHazardLayers *layers;
  const char *gauge;
  g_autoptr(GdkTexture) dry = NULL, wet = NULL;
  double stage;
  int envelope;
  guint dry_pixels, wet_pixels;
  g_autoptr(VgProposalTarget) target = NULL;
  VgTargetLayer *highlight;

  g_assert_no_error (error);
  g_assert_nonnull (models);
  gtk_window_set_default_size (window, 1400, 900);
  gtk_window_present (window);
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (afternoon));
  g_assert_true (vg_ui_test_wait_for (flood_shown, window, 20));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pane", "s", "flood");
  vg_ui_test_settle ();
  g_assert_cmpstr (vg_window_get_pane (VG_WINDOW (window)), ==, "flood");

  panel = vg_window_get_flood_panel (VG_WINDOW (window));
  map_view = vg_window_get_map_view (VG_WINDOW (window));
  layers = vg_map_view_get_hazard_layers (map_view);
  outlook = vg_flood_panel_get_outlook (panel);
  gauge = vg_flood_panel_get_gauge (panel);
  vg_flood_outlook_get_reading (outlook, NULL, &stage);
  g_test_message ("%s at %.2f m: envelope %d", gauge, stage, vg_flood_outlook_get_envelope_now (outlook, NULL));
  /* The stage is in the library's range at this hour of the flood. */
  g_assert_cmpint (vg_flood_outlook_get_envelope_now (outlook, NULL), >=, 0);
  g_assert_cmpint (vg_hazard_layers_get_flood_envelope (layers, gauge), ==, vg_flood_outlook_get_envelope_now (outlook, NULL));
  assert_totals_equal (vg_flood_panel_get_totals (panel), vg_flood_exposure_index_lookup (index, gauge, stage, NULL, NULL));

  /* What-if: the top of the library. */
  vg_map_view_go_to (map_view, 43.575, 3.90, 13);
  vg_flood_panel_set_what_if (panel, 0.1);
  vg_ui_test_settle ();
  g_assert_null (vg_flood_panel_get_totals (panel));
  g_assert_cmpint (vg_hazard_layers_get_flood_envelope (layers, gauge), ==, -1);
  g_assert_cmpuint (g_list_model_get_n_items (vg_flood_panel_get_rows (panel)), ==, 0);
  g_assert_true (vg_map_view_get_exposed_layer (map_view) == NULL ||
                 g_list_model_get_n_items (vg_target_layer_get_targets (vg_map_view_get_exposed_layer (map_view))) == 0);
  dry = render_widget (GTK_WIDGET (map_view));

  vg_flood_panel_set_what_if (panel, 4.8);
  vg_ui_test_settle ();
  vg_flood_exposure_index_lookup (index, gauge, 4.8, &envelope, NULL);
  g_assert_cmpint (vg_hazard_layers_get_flood_envelope (layers, gauge), ==, envelope);
  assert_totals_equal (vg_flood_panel_get_totals (panel), vg_flood_exposure_index_lookup (index, gauge, 4.8, NULL, NULL));
  /* The table lists every site and every street cut of that envelope. */
  g_assert_cmpuint (count_rows (vg_flood_panel_get_rows (panel), "Site"), ==, vg_flood_panel_get_totals (panel)->sites);
  g_assert_cmpuint (count_rows (vg_flood_panel_get_rows (panel), "Street"), ==, vg_flood_panel_get_totals (panel)->streets_cut);
  /* Every exposed site and cut street is marked on the map (those with a position). */
  g_assert_nonnull (vg_map_view_get_exposed_layer (map_view));
  g_assert_cmpuint (g_list_model_get_n_items (vg_target_layer_get_targets (vg_map_view_get_exposed_layer (map_view))), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vg_target_layer_get_targets (vg_map_view_get_exposed_layer (map_view))), <=,
                    vg_flood_panel_get_totals (panel)->sites + vg_flood_panel_get_totals (panel)->streets_cut);
  wet = render_widget (GTK_WIDGET (map_view));
  dry_pixels = count_flood_pixels (dry);
  wet_pixels = count_flood_pixels (wet);
  g_test_message ("flood-coloured pixels: %u at 0.1 m, %u at 4.8 m", dry_pixels, wet_pixels);
  g_assert_cmpuint (wet_pixels, >, dry_pixels + 2000);

  /* A row of the table picks its asset out on the map. */
  vg_flood_panel_activate_row (panel, 0);
  vg_ui_test_settle ();
  highlight = vg_map_view_get_target_layer (map_view);
  g_assert_nonnull (highlight);
  g_assert_cmpuint (g_list_model_get_n_items (vg_target_layer_get_targets (highlight)), ==, 1);
  target = g_list_model_get_item (vg_target_layer_get_targets (highlight), 0);
  g_assert_true (row_named (vg_flood_panel_get_rows (panel), vg_proposal_target_get_name (target)));
  g_assert_cmpuint (vg_target_layer_get_n_drawn (highlight), ==, 1);

  /* Back to what the gauge reads. */
  vg_flood_panel_set_what_if (panel, NAN);
  vg_ui_test_settle ();
  g_assert_cmpint (vg_hazard_layers_get_flood_envelope (layers, gauge), ==, vg_flood_outlook_get_envelope_now (vg_flood_panel_get_outlook (panel), NULL));
  gtk_window_destroy (window);
}

static gboolean
heat_shown (gpointer data)
{
  return vg_heat_panel_get_outlook (vg_window_get_heat_panel (data)) != NULL;
}

/* The June 2019 heatwave: the heat pane lists the districts by that day's level, the map shades
 * each district with its level of the day chosen, and moving the day slider reshades it. */
static void
test_heat_panel (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "heatwave-2019-06", &error);
  g_autoptr(GDateTime) noon = g_date_time_new_utc (2019, 6, 26, 10, 0, 0);
  VgHeatPanel *panel;
  VgHazardLayers *layers;
  VgHeatRisk *risk;
  GArray *order;
  guint n_districts, changed = 0;
  int day;

  g_assert_no_error (error);
  gtk_window_present (window);
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (noon));
  g_assert_true (vg_ui_test_wait_for (heat_shown, window, 20));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pane", "s", "heat");
  vg_ui_test_settle ();

  panel = vg_window_get_heat_panel (VG_WINDOW (window));
  layers = vg_map_view_get_hazard_layers (vg_window_get_map_view (VG_WINDOW (window)));
  risk = vg_heat_outlook_get_risk (vg_heat_panel_get_outlook (panel));
  n_districts = vg_heat_districts_get_n_districts (vg_heat_risk_get_districts (risk));
  order = vg_heat_panel_get_order (panel);
  day = vg_heat_panel_get_day (panel);
  g_assert_cmpint (day, >=, 0);
  g_assert_cmpuint (order->len, ==, n_districts);
  for (guint i = 0; i < n_districts; i++)
    {
      guint d = g_array_index (order, guint, i);

      g_assert_cmpint (vg_hazard_layers_get_heat_level (layers, d), ==, vg_heat_risk_get_day (risk, d, day)->level);
      if (i > 0)
        g_assert_cmpuint (vg_heat_risk_get_day (risk, g_array_index (order, guint, i - 1), day)->level, >=,
                          vg_heat_risk_get_day (risk, d, day)->level);
    }
  /* The first day of the forecast is cooler somewhere: the map follows the slider. */
  vg_heat_panel_set_day (panel, 0);
  vg_ui_test_settle ();
  g_assert_cmpint (vg_heat_panel_get_day (panel), ==, 0);
  for (guint d = 0; d < n_districts; d++)
    {
      g_assert_cmpint (vg_hazard_layers_get_heat_level (layers, d), ==, vg_heat_risk_get_day (risk, d, 0)->level);
      changed += vg_heat_risk_get_day (risk, d, 0)->level != vg_heat_risk_get_day (risk, d, day)->level;
    }
  g_assert_cmpuint (changed, >, 0);
  vg_heat_panel_select_district (panel, 3);
  g_assert_cmpint (vg_heat_panel_get_district (panel), ==, 3);
  gtk_window_destroy (window);
}

/* The start screen lists both bundled scenarios and starts one as an exercise. */
static void
test_scenario_picker (void)
{
  g_autofree char *dir = vg_data_dir_find_scenarios (NULL);
  GtkWidget *picker = vg_scenario_picker_new (dir, NULL);
  guint windows_before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_assert_cmpuint (vg_scenario_picker_get_n_scenarios (VG_SCENARIO_PICKER (picker)), ==, 2);
  gtk_window_set_application (GTK_WINDOW (picker), GTK_APPLICATION (app));
  gtk_window_present (GTK_WINDOW (picker));
  /* Each scenario says where its data comes from and what is reconstructed, and how. */
  g_assert_true (label_containing (picker, "Licence Ouverte"));
  g_assert_true (label_containing (picker, "RECONSTRUCTED"));
  g_assert_true (label_containing (picker, "Klein Tank"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "start-exercise",
                                  g_variant_new_string ("heatwave-2019-06"));
  vg_ui_test_settle ();
  /* The picker closed and an exercise window opened in its place. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, windows_before + 1);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    g_assert_false (VG_IS_SCENARIO_PICKER (l->data));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (VG_IS_WINDOW (l->data) && vg_window_get_exercise (l->data))
      {
        g_assert_nonnull (vg_window_get_replay_bar (l->data));
        gtk_window_destroy (l->data);
        return;
      }
  g_assert_not_reached ();
}

/* The targets' highlight (magenta, which no other layer uses). */
static gboolean
is_target_colour (int r,
                  int g,
                  int b)
{
  return r > 160 && g < 60 && b > 90 && b < 190;
}

static guint
count_target_pixels (GdkTexture *texture)
{
  return count_pixels (texture, is_target_colour);
}

static AdwMessageDialog *
dialog_over (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == window)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
proposals_shown (gpointer data)
{
  return vg_proposals_panel_get_n_shown (data) > 0;
}

static gboolean
count_decision_cb (VgJournalEntry *entry,
                   gpointer        user_data)
{
  GPtrArray *decisions = user_data;

  g_ptr_array_add (decisions, vg_journal_entry_ref (entry));
  return TRUE;
}

static GPtrArray *
journal_decisions (VgWindow *window)
{
  GPtrArray *decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) vg_journal_entry_unref);
  g_autoptr(GError) error = NULL;
  VgJournalFilter filter;
  VgSituation *situation = vg_window_get_situation (window);

  g_assert_nonnull (situation);
  vg_journal_filter_init (&filter);
  filter.kinds = VG_JOURNAL_KIND_MASK (VG_JOURNAL_KIND_DECISION);
  g_assert_true (vg_journal_foreach (vg_situation_get_journal (situation), &filter, count_decision_cb, decisions, &error));
  g_assert_no_error (error);
  return decisions;
}

/* The card of the first shown proposal of @action. */
static guint
find_action (VgProposalsPanel *panel,
             VgAction          action)
{
  for (guint i = 0; i < vg_proposals_panel_get_n_shown (panel); i++)
    if (vg_proposal_get_action (vg_proposal_card_get_proposal (vg_proposals_panel_get_card (panel, i))) == action)
      return i;
  g_assert_not_reached ();
}

static void
failed_cb (VgProposalsPanel *panel,
           const char       *message,
           char            **failure)
{
  g_free (*failure);
  *failure = g_strdup (message);
}

static gboolean
log_mentions (VgSituation *situation,
              const char  *needle)
{
  GListModel *log = vg_situation_get_log (situation);

  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(VgLogEntry) entry = g_list_model_get_item (log, i);

      if (strstr (vg_log_entry_get_text (entry), needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_proposals_sign_off (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  g_autoptr(GDateTime) afternoon = g_date_time_new_utc (2014, 9, 29, 15, 30, 0);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) refused = NULL;
  g_autofree char *failure = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GdkTexture) highlight = NULL;
  VgProposalsPanel *panel;
  VgSignInDialog *sign_in;
  VgDecisionDialog *dialog;
  VgProposal *closure, *evacuation;
  VgTargetLayer *targets;
  JsonObject *payload;
  guint n_shown, road, people, version;

  g_assert_no_error (error);
  gtk_window_set_default_size (window, 1400, 900);
  gtk_window_present (window);
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (afternoon));
  panel = vg_window_get_proposals_panel (VG_WINDOW (window));
  g_assert_true (vg_ui_test_wait_for (proposals_shown, panel, 30));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pane", "s", "proposals");
  vg_ui_test_settle ();

  /* Nobody signed in: reading only; asking to decide opens the sign-in instead. */
  g_assert_null (vg_proposals_panel_get_operator (panel));
  road = find_action (panel, VG_ACTION_ROAD_CLOSURE);
  closure = vg_proposal_card_get_proposal (vg_proposals_panel_get_card (panel, road));
  g_assert_false (vg_proposal_card_activate (vg_proposals_panel_get_card (panel, road), VG_VERDICT_APPROVE));
  g_assert_null (vg_proposals_panel_begin_decision (panel, closure, VG_VERDICT_APPROVE));

  /* The operator on duty signs in from the (example, exercise) roster: "Julien Roux — operator". */
  sign_in = vg_proposals_panel_present_sign_in (panel);
  g_assert_nonnull (sign_in);
  vg_sign_in_dialog_select (sign_in, 2);
  g_assert_cmpstr (vg_operator_get_name (vg_sign_in_dialog_get_selected (sign_in)), ==, "Julien Roux");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sign_in), "sign-in");
  vg_ui_test_settle ();
  g_assert_nonnull (vg_proposals_panel_get_operator (panel));
  g_assert_cmpint (vg_operator_get_role (vg_proposals_panel_get_operator (panel)), ==, VG_ROLE_OPERATOR);

  /* An operator may close roads, not evacuate: the buttons say so before the journal would. */
  people = find_action (panel, VG_ACTION_PUBLIC_ALERT_DRAFT);
  evacuation = vg_proposal_card_get_proposal (vg_proposals_panel_get_card (panel, people));
  g_assert_true (vg_proposal_touches_people (evacuation));
  g_assert_false (vg_proposal_card_activate (vg_proposals_panel_get_card (panel, people), VG_VERDICT_APPROVE));
  road = find_action (panel, VG_ACTION_ROAD_CLOSURE);
  g_assert_true (vg_proposal_card_activate (vg_proposals_panel_get_card (panel, road), VG_VERDICT_APPROVE));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog_over (window)), "cancel");
  vg_ui_test_settle ();
  closure = vg_proposal_card_get_proposal (vg_proposals_panel_get_card (panel, road));
  id = g_strdup (vg_proposal_get_id (closure));
  version = vg_proposal_get_version (closure);

  /* Selecting the card draws its targets on the map, over everything else: streets to close as
   * thick magenta lines. */
  vg_proposals_panel_select (panel, road);
  vg_ui_test_settle ();
  g_assert_true (vg_proposals_panel_get_selected (panel) == closure);
  targets = vg_map_view_get_target_layer (vg_window_get_map_view (VG_WINDOW (window)));
  g_assert_nonnull (targets);
  g_assert_true (vg_target_layer_get_targets (targets) == vg_proposal_get_targets (closure));
  g_assert_cmpuint (vg_target_layer_get_n_drawn (targets), >, 0);
  highlight = render_widget (GTK_WIDGET (vg_window_get_map_view (VG_WINDOW (window))));
  g_assert_cmpuint (count_target_pixels (highlight), >, 200);

  /* A rejection cannot be recorded without its reason. */
  dialog = vg_proposals_panel_begin_decision (panel, closure, VG_VERDICT_REJECT);
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  vg_decision_dialog_set_reason (dialog, "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  vg_decision_dialog_set_reason (dialog, "Pas encore");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  vg_ui_test_settle ();

  /* Approving one proposal: the confirmation, then the decision in the journal, signed. */
  before = journal_decisions (VG_WINDOW (window));
  n_shown = vg_proposals_panel_get_n_shown (panel);
  dialog = vg_proposals_panel_begin_decision (panel, closure, VG_VERDICT_APPROVE);
  g_assert_nonnull (dialog);
  g_assert_cmpuint (vg_decision_dialog_get_seen_version (dialog), ==, version);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  vg_decision_dialog_set_reason (dialog, "Quais submergés, confirmé par la patrouille");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  vg_ui_test_settle ();
  after = journal_decisions (VG_WINDOW (window));
  g_assert_cmpuint (after->len, ==, before->len + 1);
  payload = json_node_get_object (vg_journal_entry_get_payload (g_ptr_array_index (after, after->len - 1)));
  g_assert_cmpstr (json_object_get_string_member (payload, "proposal"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (payload, "verdict"), ==, "approve");
  g_assert_cmpstr (json_object_get_string_member (payload, "operator"), ==, "Julien Roux");
  g_assert_cmpstr (json_object_get_string_member (payload, "role"), ==, "operator");
  g_assert_cmpstr (json_object_get_string_member (payload, "reason"), ==, "Quais submergés, confirmé par la patrouille");
  g_assert_cmpint (json_object_get_int_member (payload, "version"), ==, version);
  g_assert_cmpint (vg_proposal_get_state (closure), ==, VG_PROPOSAL_APPROVED);
  g_assert_cmpstr (vg_proposal_get_decided_by (closure), ==, "Julien Roux");
  /* It left the "to decide" list, and the operator log says who decided. */
  g_assert_cmpuint (vg_proposals_panel_get_n_shown (panel), ==, n_shown - 1);
  g_assert_true (log_mentions (vg_window_get_situation (VG_WINDOW (window)), id));

  /* An observer cannot decide: no button, and the journal refuses what the panel is asked. */
  sign_in = vg_proposals_panel_present_sign_in (panel);
  vg_sign_in_dialog_select (sign_in, 3);
  g_assert_cmpint (vg_operator_get_role (vg_sign_in_dialog_get_selected (sign_in)), ==, VG_ROLE_OBSERVER);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sign_in), "sign-in");
  vg_ui_test_settle ();
  g_assert_false (vg_proposal_card_activate (vg_proposals_panel_get_card (panel, 0), VG_VERDICT_APPROVE));
  g_signal_connect (panel, "failed", G_CALLBACK (failed_cb), &failure);
  dialog = vg_proposals_panel_begin_decision (panel, vg_proposal_card_get_proposal (vg_proposals_panel_get_card (panel, 0)),
                                              VG_VERDICT_APPROVE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  vg_ui_test_settle ();
  g_assert_nonnull (failure);
  refused = journal_decisions (VG_WINDOW (window));
  g_assert_cmpuint (refused->len, ==, after->len);
  g_signal_handlers_disconnect_by_func (panel, failed_cb, &failure);
  gtk_window_destroy (window);
}

static void
test_controller_inject (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2014, 9, 29, 18, 0, 0);
  VgInjectPanel *panel;
  VgProposalsPanel *proposals;
  VgSignInDialog *sign_in;
  guint n_script, n_played_before, n_played;

  g_assert_no_error (error);
  gtk_window_present (window);
  panel = vg_window_get_inject_panel (VG_WINDOW (window));
  proposals = vg_window_get_proposals_panel (VG_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.pane", "s", "exercise");
  vg_ui_test_settle ();
  g_assert_cmpstr (vg_window_get_pane (VG_WINDOW (window)), ==, "exercise");

  /* The scenario's scripted injects, played as the clock passes them. */
  n_script = vg_inject_panel_get_n_script (panel, &n_played_before);
  g_assert_cmpuint (n_script, >, 0);
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (evening));
  vg_inject_panel_get_n_script (panel, &n_played);
  g_assert_cmpuint (n_played, >, n_played_before);

  /* Nobody signed in, then an operator: no inject. */
  g_assert_false (vg_inject_panel_inject (panel, VG_SCENARIO_INJECT_NOTE, 0, "Point presse à 19 h"));
  sign_in = vg_proposals_panel_present_sign_in (proposals);
  vg_sign_in_dialog_select (sign_in, 2);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sign_in), "sign-in");
  g_assert_false (vg_inject_panel_inject (panel, VG_SCENARIO_INJECT_NOTE, 0, "Point presse à 19 h"));

  /* The exercise controller injects a note: it reaches the players' operator log, signed. */
  sign_in = vg_proposals_panel_present_sign_in (proposals);
  vg_sign_in_dialog_select (sign_in, 4);
  g_assert_cmpint (vg_operator_get_role (vg_sign_in_dialog_get_selected (sign_in)), ==, VG_ROLE_EXERCISE_CONTROLLER);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (sign_in), "sign-in");
  g_assert_false (vg_inject_panel_inject (panel, VG_SCENARIO_INJECT_NOTE, 0, "   "));
  g_assert_true (vg_inject_panel_inject (panel, VG_SCENARIO_INJECT_NOTE, 0, "Point presse à 19 h"));
  vg_ui_test_settle ();
  g_assert_true (log_mentions (vg_window_get_situation (VG_WINDOW (window)), "Point presse à 19 h"));
  gtk_window_destroy (window);
}

/* A store error met away from the window (the feed manager could not journal a payload) reaches
 * the operator as the banner. */
static void
test_store_problem_banner (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  const char *message = "Le journal de la situation ne peut plus être écrit : disque plein";

  g_assert_no_error (error);
  gtk_window_present (window);
  vg_ui_test_settle ();
  g_assert_null (vg_window_get_error (VG_WINDOW (window)));
  vg_situation_report_problem (vg_window_get_situation (VG_WINDOW (window)), message);
  vg_ui_test_settle ();
  g_assert_cmpstr (vg_window_get_error (VG_WINDOW (window)), ==, message);
  g_assert_cmpstr (vg_situation_get_problem (vg_window_get_situation (VG_WINDOW (window))), ==, message);
  gtk_window_destroy (window);
}

/* Going back in an exercise is a new run replayed to that time; the old run's journal stays. */
static void
test_seek_back (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2014, 9, 29, 18, 0, 0);
  g_autoptr(GDateTime) noon = g_date_time_new_utc (2014, 9, 29, 12, 0, 0);
  g_autofree char *old_journal = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *run = NULL;

  g_assert_no_error (error);
  gtk_window_present (window);
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (evening));
  old_journal = g_strdup (vg_journal_get_path (vg_situation_get_journal (vg_window_get_situation (VG_WINDOW (window)))));
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (noon));
  vg_ui_test_settle ();
  /* Nothing went back: the run asks first. */
  g_assert_cmpint (vg_clock_get_now_usec (vg_situation_get_clock (vg_window_get_situation (VG_WINDOW (window)))), ==,
                   vg_time_to_usec (evening));
  dialog = dialog_over (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "restart");
  vg_ui_test_settle ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (VG_IS_WINDOW (l->data) && vg_window_get_exercise (l->data) && l->data != (gpointer) window)
      run = l->data;
  g_assert_nonnull (run);
  g_assert_cmpint (vg_clock_get_now_usec (vg_situation_get_clock (vg_window_get_situation (VG_WINDOW (run)))), ==,
                   vg_time_to_usec (noon));
  g_assert_cmpstr (vg_journal_get_path (vg_situation_get_journal (vg_window_get_situation (VG_WINDOW (run)))), !=, old_journal);
  g_assert_true (g_file_test (old_journal, G_FILE_TEST_EXISTS));
  g_assert_true (vg_journal_verify_file (old_journal, NULL, NULL, NULL, NULL, NULL));
  gtk_window_destroy (run);
}

/* The situation layers in the sidebar: each with its freshness from its feeds; a toggle hides
 * its layer on the map and is remembered; warnings in force are shaded as areas; a DATEX II
 * event goes to the traffic layer, other incidents to theirs. */
static void
test_situation_layers (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  g_autoptr(GDateTime) evening = g_date_time_new_utc (2014, 9, 29, 18, 0, 0);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *datex_path = NULL;
  g_autofree char *datex = NULL;
  gsize datex_len = 0;
  g_auto(GStrv) hidden = NULL;
  VgSituation *situation;
  VgLayersPanel *panel;
  VgMapView *map_view;
  VgPointLayer *gauges, *traffic;
  GtkWidget *toggle;
  const char *freshness;
  guint others;

  g_assert_no_error (error);
  gtk_window_present (window);
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (window)), vg_time_to_usec (evening));
  vg_ui_test_settle ();
  panel = vg_window_get_layers_panel (VG_WINDOW (window));
  map_view = vg_window_get_map_view (VG_WINDOW (window));
  vg_layers_panel_refresh_feeds (panel);

  /* The Lez gauges come from Hub'Eau: their layer says how fresh they are. */
  freshness = vg_layers_panel_get_layer_freshness (panel, VG_MAP_LAYER_GAUGES);
  g_test_message ("gauges: %s; warnings: %s", freshness, vg_layers_panel_get_layer_freshness (panel, VG_MAP_LAYER_WARNINGS));
  g_assert_cmpstr (freshness, !=, "no feed");
  g_assert_true (strstr (freshness, "ago") != NULL || strstr (freshness, "just now") != NULL ||
                 strstr (freshness, "failing") != NULL);
  g_assert_cmpstr (vg_layers_panel_get_layer_freshness (panel, VG_MAP_LAYER_TRAFFIC), ==, "no feed");

  /* The red vigilance for Hérault (a geocode, no polygon) shades the Métropole. */
  g_assert_cmpuint (vg_map_view_get_n_warnings_shown (map_view), >=, 1);
  g_assert_cmpuint (vg_map_view_get_n_warning_areas (map_view), >=, 1);

  gauges = vg_map_view_get_point_layer (map_view, VG_MAP_LAYER_GAUGES);
  g_assert_cmpuint (vg_point_layer_get_n_drawn (gauges), ==, 3);
  toggle = vg_layers_panel_get_layer_toggle (panel, VG_MAP_LAYER_GAUGES);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), FALSE);
  vg_ui_test_settle ();
  g_assert_false (vg_map_view_get_layer_visible (map_view, VG_MAP_LAYER_GAUGES));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (gauges)));
  hidden = g_settings_get_strv (vg_application_get_settings (app), "hidden-layers");
  g_assert_true (g_strv_contains ((const char * const *) hidden, "gauges"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gauges)));

  toggle = vg_layers_panel_get_layer_toggle (panel, VG_MAP_LAYER_WARNINGS);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), FALSE);
  g_assert_false (vg_map_view_get_layer_visible (map_view, VG_MAP_LAYER_WARNINGS));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (toggle), TRUE);
  g_assert_true (vg_map_view_get_layer_visible (map_view, VG_MAP_LAYER_WARNINGS));

  /* A DATEX II publication (an accident, roadworks, a closure, and an obstruction that ended):
   * the three open events on the traffic layer, as road signs; the traffic layer is fresh. */
  situation = vg_window_get_situation (VG_WINDOW (window));
  datex_path = vg_test_data_path ("feeds/datex2/v2-situation-montpellier.xml");
  g_assert_true (g_file_get_contents (datex_path, &datex, &datex_len, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&datex), datex_len);
  g_assert_true (vg_situation_declare_feed (situation, "dir-mediterranee", VG_FEED_KIND_DATEX2,
                                            "DIR Méditerranée", &error));
  g_assert_no_error (error);
  traffic = vg_map_view_get_point_layer (map_view, VG_MAP_LAYER_TRAFFIC);
  vg_map_view_go_to (map_view, 43.592, 3.895, 13);
  vg_ui_test_settle ();
  others = vg_point_layer_get_n_drawn (vg_map_view_get_point_layer (map_view, VG_MAP_LAYER_INCIDENTS));
  g_assert_cmpuint (vg_point_layer_get_n_drawn (traffic), ==, 0);
  g_assert_true (vg_situation_ingest_payload (situation, "dir-mediterranee", "https://example.invalid/datex",
                                              "application/xml", vg_clock_get_now_usec (vg_situation_get_clock (situation)),
                                              bytes, NULL, &error));
  g_assert_no_error (error);
  vg_layers_panel_refresh_feeds (panel);
  g_assert_cmpstr (vg_layers_panel_get_layer_freshness (panel, VG_MAP_LAYER_TRAFFIC), ==, "updated just now");
  vg_ui_test_settle ();
  g_assert_cmpuint (vg_point_layer_get_n_drawn (traffic), ==, 3);
  if (g_getenv ("VIGIE_TEST_SAVE_LAYERS") != NULL)
    {
      g_autoptr(GdkTexture) texture = render_widget (GTK_WIDGET (map_view));

      gdk_texture_save_to_png (texture, g_getenv ("VIGIE_TEST_SAVE_LAYERS"));
    }
  g_assert_cmpuint (vg_point_layer_get_n_drawn (vg_map_view_get_point_layer (map_view, VG_MAP_LAYER_INCIDENTS)), ==, others);
  gtk_window_destroy (window);
}

static gboolean
find_incident_dialog (gpointer data)
{
  VgIncidentDialog **dialog = data;
  GListModel *toplevels = gtk_window_get_toplevels ();   /* borrowed */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (VG_IS_INCIDENT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        *dialog = VG_INCIDENT_DIALOG (w);
    }
  return *dialog != NULL;
}

/* Ctrl+Shift+N opens the new-incident dialog at the map's centre; "Record" needs a title; the
 * incident recorded is in the journal, signed, and drawn on the map. */
static void
test_new_incident (void)
{
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (app, "lez-2014-09", &error);
  VgIncidentDialog *dialog = NULL;
  VgSituation *situation;
  VgMapView *map_view;
  GListModel *incidents;
  g_autoptr(VgIncident) recorded = NULL;
  const double *bbox;
  guint before;

  g_assert_no_error (error);
  gtk_window_present (window);
  g_assert_true (vg_ui_test_wait_for (tiles_delivered, window, 20));
  vg_ui_test_settle ();
  situation = vg_window_get_situation (VG_WINDOW (window));
  map_view = vg_window_get_map_view (VG_WINDOW (window));
  incidents = vg_picture_get_incidents (vg_situation_get_picture (situation));
  before = g_list_model_get_n_items (incidents);
  vg_map_view_go_to (map_view, 43.6047, 3.8940, 14);
  vg_ui_test_settle ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-incident", NULL));
  g_assert_true (vg_ui_test_wait_for (find_incident_dialog, &dialog, 5));
  g_assert_false (vg_incident_dialog_is_complete (dialog));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  vg_incident_dialog_set_title (dialog, "Lez over the road, avenue de la Pompignane");
  vg_incident_dialog_set_kind (dialog, VG_INCIDENT_HAZARD);
  vg_incident_dialog_set_severity (dialog, VG_SEVERITY_SEVERE);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "record"));
  if (g_getenv ("VIGIE_TEST_SAVE_DIALOG") != NULL)
    {
      g_autoptr(GdkTexture) texture = NULL;

      vg_ui_test_settle ();
      texture = render_widget (GTK_WIDGET (dialog));
      gdk_texture_save_to_png (texture, g_getenv ("VIGIE_TEST_SAVE_DIALOG"));
    }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  vg_ui_test_settle ();

  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, before + 1);
  recorded = g_list_model_get_item (incidents, before);
  g_assert_cmpstr (vg_incident_get_title (recorded), ==, "Lez over the road, avenue de la Pompignane");
  g_assert_cmpstr (vg_incident_get_authority (recorded), ==, "Opérateur de test");
  g_assert_cmpint (vg_incident_get_severity (recorded), ==, VG_SEVERITY_SEVERE);
  g_assert_cmpint (vg_incident_get_kind (recorded), ==, VG_INCIDENT_HAZARD);
  bbox = vg_shape_set_get_bbox (vg_incident_get_geometry (recorded), 0);
  g_assert_cmpfloat (fabs (bbox[0] - 3.8940), <, 1e-3);
  g_assert_cmpfloat (fabs (bbox[1] - 43.6047), <, 1e-3);
  g_assert_cmpuint (vg_point_layer_get_n_drawn (vg_map_view_get_point_layer (map_view, VG_MAP_LAYER_INCIDENTS)), >=, 1);
  g_clear_object (&recorded);

  /* A secondary click picks the point: the dialog records the incident there. */
  dialog = NULL;
  g_signal_emit_by_name (map_view, "point-chosen", 43.5700, 3.9040);
  g_assert_true (vg_ui_test_wait_for (find_incident_dialog, &dialog, 5));
  vg_incident_dialog_set_title (dialog, "Voiture dans l’eau, Lattes");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "record");
  vg_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (incidents), ==, before + 2);
  recorded = g_list_model_get_item (incidents, before + 1);
  bbox = vg_shape_set_get_bbox (vg_incident_get_geometry (recorded), 0);
  g_assert_cmpfloat_with_epsilon (bbox[0], 3.9040, 1e-9);
  g_assert_cmpfloat_with_epsilon (bbox[1], 43.5700, 1e-9);
  g_assert_cmpint (vg_incident_get_severity (recorded), ==, VG_SEVERITY_UNKNOWN);
  gtk_window_destroy (window);
}

/* Preferences list every configured feed with its switch and interval; a change is saved in the
 * operator's own feeds.conf, which loads back with it (and is what the next start polls). */
static void
test_feed_preferences (void)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *prefs = vg_preferences_window_new (vg_application_get_settings (app), NULL);
  g_autofree char *path = vg_feed_config_dup_user_path ();
  g_autoptr(VgFeedConfig) saved = NULL;
  GtkWidget *toggle, *interval;
  VgFeedSource *source;

  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  toggle = vg_preferences_window_get_feed_switch (VG_PREFERENCES_WINDOW (prefs), "hubeau-lez-lattes");
  interval = vg_preferences_window_get_feed_interval (VG_PREFERENCES_WINDOW (prefs), "hubeau-lez-lattes");
  g_assert_nonnull (toggle);
  g_assert_nonnull (interval);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (toggle)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (interval)), ==, 300);
  g_assert_null (vg_preferences_window_get_feed_switch (VG_PREFERENCES_WINDOW (prefs), "no-such-feed"));

  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (interval), 600);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  saved = vg_feed_config_load_default (&error);
  g_assert_no_error (error);
  source = vg_feed_config_lookup (saved, "hubeau-lez-lattes");
  g_assert_false (vg_feed_source_get_enabled (source));
  g_assert_cmpuint (vg_feed_source_get_interval_ms (source), ==, 600 * 1000);
  /* The other feeds are kept as they were. */
  g_assert_true (vg_feed_source_get_enabled (vg_feed_config_lookup (saved, "hubeau-lez-montpellier")));
  g_assert_cmpuint (g_list_model_get_n_items (vg_feed_config_get_sources (saved)), >, 2);
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_cmpint (g_remove (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* A fresh live journal for this run: the app creates it under the user data directory. */
  data_home = g_dir_make_tmp ("vigie-ui-test-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  /* No roster of this machine's: an exercise signs in on the bundled example. */
  g_setenv ("XDG_CONFIG_HOME", data_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = vg_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  g_assert_true (vg_ui_test_wait_for (vg_ui_test_city_data_ready, app, 20));
  g_assert_nonnull (vg_application_get_basemap (app));
  g_assert_null (vg_application_get_data_error (app));
  g_assert_nonnull (vg_application_get_situation (app));
  g_settings_set_string (vg_application_get_settings (app), "operator-name", "Opérateur de test");

  g_test_add_func ("/vigie/ui/window/map-shows-tiles", test_map_shows_tiles);
  g_test_add_func ("/vigie/ui/window/layer-toggle", test_layer_toggle);
  g_test_add_func ("/vigie/ui/window/site-popover", test_site_popover);
  g_test_add_func ("/vigie/ui/window/exercise-mode", test_exercise_mode);
  g_test_add_func ("/vigie/ui/window/clock-and-sidebar", test_clock_and_sidebar);
  g_test_add_func ("/vigie/ui/window/operator-log", test_operator_log);
  g_test_add_func ("/vigie/ui/window/exercise-replay", test_exercise_replay);
  g_test_add_func ("/vigie/ui/window/scenario-picker", test_scenario_picker);
  g_test_add_func ("/vigie/ui/window/flood-panel", test_flood_panel);
  g_test_add_func ("/vigie/ui/window/heat-panel", test_heat_panel);
  g_test_add_func ("/vigie/ui/window/proposals-sign-off", test_proposals_sign_off);
  g_test_add_func ("/vigie/ui/window/controller-inject", test_controller_inject);
  g_test_add_func ("/vigie/ui/window/store-problem-banner", test_store_problem_banner);
  g_test_add_func ("/vigie/ui/window/seek-back", test_seek_back);
  g_test_add_func ("/vigie/ui/window/situation-layers", test_situation_layers);
  g_test_add_func ("/vigie/ui/window/new-incident", test_new_incident);
  g_test_add_func ("/vigie/ui/window/feed-preferences", test_feed_preferences);

  status = g_test_run ();
  g_clear_object (&app);
  vg_test_rmtree (data_home);
  return status;
}
