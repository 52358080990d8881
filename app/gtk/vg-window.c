/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-application.h"
#include "vg-export-dialog.h"
#include "vg-log-strip.h"
#include "vg-flood-panel.h"
#include "vg-heat-panel.h"
#include "vg-incident-dialog.h"
#include "vg-inject-panel.h"
#include "vg-proposals-panel.h"
#include "vg-replay-bar.h"
#include "vg-timeline-panel.h"
#include "vg-window.h"

struct _VgWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkLabel             *mode_badge;
  GtkRevealer          *exercise_banner;
  GtkRevealer          *error_banner;
  GtkBox               *replay_slot;
  VgReplayBar          *replay_bar;
  GtkLabel             *error_label;
  GtkWidget            *sidebar;
  VgLayersPanel        *layers_panel;
  VgMapView            *map_view;
  VgProposalsPanel     *proposals_panel;
  AdwViewStack         *panes;
  AdwViewStackPage     *flood_page;
  AdwViewStackPage     *heat_page;
  VgFloodPanel         *flood_panel;
  VgHeatPanel          *heat_panel;
  AdwViewStackPage     *inject_page;
  VgInjectPanel        *inject_panel;
  VgTimelinePanel      *timeline_panel;
  VgLogStrip           *log_strip;

  VgClock              *clock;
  VgSituation          *situation;
  GTimeZone            *city_zone;
  char                 *clock_text;
  guint                 clock_source;
  guint                 refresh_source;
  gboolean              exercise;
  gint64                created_usec;
  gulong                first_frame_handler;
  VgReplay             *replay;
  GtkWidget            *seek_back_dialog;
};

G_DEFINE_FINAL_TYPE (VgWindow, vg_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_EXERCISE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
update_clock (VgWindow *self)
{
  g_autoptr(GDateTime) now = vg_clock_dup_now (self->clock);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (now, self->city_zone);
  g_autofree char *stamp = g_date_time_format (local, "%d/%m/%Y %H:%M:%S %Z");

  g_free (self->clock_text);
  /* The situation clock is what every record is stamped with; a replay shows its own time. */
  self->clock_text = g_strdup_printf (vg_clock_is_manual (self->clock) ? _("Scenario time %s")
                                                                       : _("Situation clock %s"), stamp);
  adw_window_title_set_subtitle (self->window_title, self->clock_text);
}

static gboolean
clock_tick_cb (gpointer user_data)
{
  update_clock (user_data);
  return G_SOURCE_CONTINUE;
}

static void
update_mode (VgWindow *self)
{
  gtk_label_set_text (self->mode_badge, self->exercise ? _("EXERCISE") : _("LIVE"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_badge),
                               self->exercise ? _("Training exercise: nothing here is a real event")
                                              : _("Live situation: real events"));
  gtk_widget_remove_css_class (GTK_WIDGET (self->mode_badge), self->exercise ? "live" : "exercise");
  gtk_widget_add_css_class (GTK_WIDGET (self->mode_badge), self->exercise ? "exercise" : "live");
  gtk_revealer_set_reveal_child (self->exercise_banner, self->exercise);
  if (self->exercise)
    gtk_widget_add_css_class (GTK_WIDGET (self), "exercise-mode");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "exercise-mode");
}

/* Benchmarks and tests ask the window to report when the map first shows real tiles. */
static void
after_paint_cb (GdkFrameClock *clock,
                VgWindow      *self)
{
  VgOfflineTileSource *source = vg_map_view_get_offline_source (self->map_view);

  if (source == NULL || vg_offline_tile_source_get_n_delivered (source) == 0)
    return;
  g_signal_handler_disconnect (clock, self->first_frame_handler);
  self->first_frame_handler = 0;
  g_printerr ("vigie: first map frame with tiles: %.1f ms after the window was created "
              "(%u tiles, %u from cache)\n",
              (g_get_monotonic_time () - self->created_usec) / 1000.0,
              vg_offline_tile_source_get_n_delivered (source),
              vg_offline_tile_source_get_n_cache_hits (source));
  if (g_getenv ("VIGIE_QUIT_AFTER_FIRST_FRAME") != NULL)
    g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
realize_cb (VgWindow *self)
{
  if (g_getenv ("VIGIE_REPORT_FIRST_FRAME") == NULL)
    return;
  self->first_frame_handler = g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (self)),
                                                "after-paint", G_CALLBACK (after_paint_cb), self);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);
  GSettings *settings = vg_application_get_settings (VG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  g_settings_set_boolean (settings, "sidebar-visible", !gtk_widget_get_visible (self->sidebar));
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
map_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);

  if (g_str_equal (action_name, "map.home"))
    vg_map_view_go_home (self->map_view);
  else if (g_str_equal (action_name, "map.zoom-in"))
    vg_map_view_zoom_in (self->map_view);
  else if (g_str_equal (action_name, "map.zoom-out"))
    vg_map_view_zoom_out (self->map_view);
}

static void
focus_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);
  const char *target = g_variant_get_string (parameter, NULL);
  GtkWidget *panel = g_str_equal (target, "sidebar") ? GTK_WIDGET (self->layers_panel)
                   : g_str_equal (target, "proposals") ? GTK_WIDGET (self->proposals_panel)
                   : g_str_equal (target, "log") ? GTK_WIDGET (self->log_strip)
                   : GTK_WIDGET (vg_map_view_get_map (self->map_view));

  if (!gtk_widget_child_focus (panel, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (panel);
}

/* File → Export, over the timeline's current view. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);
  VgTimeline *timeline = vg_timeline_panel_get_timeline (self->timeline_panel);

  if (self->situation == NULL || timeline == NULL)
    return;
  gtk_window_present (GTK_WINDOW (vg_export_dialog_new (GTK_WINDOW (self), vg_situation_get_journal (self->situation),
                                                        vg_timeline_get_filter (timeline))));
}

static void
incident_response_cb (VgIncidentDialog *dialog,
                      const char       *response,
                      VgWindow         *self)
{
  g_autoptr(GError) error = NULL;
  guint64 seq = 0;

  if (g_strcmp0 (response, "record") != 0)
    return;
  if (!vg_incident_dialog_record (dialog, &seq, &error))
    vg_window_show_error (self, error->message);
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, seq);
      g_autofree char *message = g_strdup_printf (_("Incident recorded (journal entry %s)"), number);

      vg_window_add_toast (self, message);
    }
}

/* An incident reported by phone or radio, typed in at @lat, @lon, signed like the log. */
static void
open_incident_dialog (VgWindow *self,
                      double    lat,
                      double    lon)
{
  VgApplication *app = VG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  VgOperator *signed_in = vg_proposals_panel_get_operator (self->proposals_panel);
  g_autofree char *name = NULL;
  VgIncidentDialog *dialog;

  if (self->situation == NULL)
    return;
  if (vg_situation_is_read_only (self->situation))
    {
      vg_window_show_error (self, vg_situation_get_problem (self->situation));
      return;
    }
  name = signed_in != NULL ? g_strdup (vg_operator_get_name (signed_in)) : vg_application_dup_operator_name (app);
  dialog = vg_incident_dialog_new (GTK_WINDOW (self), self->situation, name, lat, lon);
  g_signal_connect_object (dialog, "response", G_CALLBACK (incident_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+Shift+N: at the map's centre. */
static void
new_incident_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);
  ShumateViewport *viewport = shumate_map_get_viewport (vg_map_view_get_map (self->map_view));

  open_incident_dialog (self, shumate_location_get_latitude (SHUMATE_LOCATION (viewport)),
                        shumate_location_get_longitude (SHUMATE_LOCATION (viewport)));
}

/* A secondary click on the map: there. */
static void
point_chosen_cb (VgWindow *self,
                 double    lat,
                 double    lon)
{
  open_incident_dialog (self, lat, lon);
}

static void
live_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  vg_timeline_panel_review (VG_WINDOW (widget)->timeline_panel, 0);
}

/* Shows the right-hand pane @parameter ("proposals", "flood", "heat", "timeline") and focuses it. */
static void
pane_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  GtkWidget *child;

  adw_view_stack_set_visible_child_name (self->panes, name);
  child = adw_view_stack_get_visible_child (self->panes);
  if (child != NULL && !gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (child);
}

/* The projections reached the window: the map, the flood and heat panes follow them, and a
 * pane whose hazard needs looking at says so in the switcher. */
static void
projector_changed_cb (VgWindow *self)
{
  VgProjector *projector = vg_situation_get_projector (self->situation);
  GListModel *flood = vg_projector_get_flood (projector);
  VgHeatOutlook *heat = vg_projector_get_heat (projector);
  gboolean flooding = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (flood); i++)
    {
      g_autoptr(VgFloodOutlook) outlook = g_list_model_get_item (flood, i);

      flooding |= vg_flood_outlook_get_envelope_now (outlook, NULL) >= 0 || vg_flood_outlook_get_next (outlook) != NULL;
    }
  adw_view_stack_page_set_needs_attention (self->flood_page, flooding);
  adw_view_stack_page_set_needs_attention (self->heat_page, heat != NULL && vg_heat_outlook_get_peak (heat, NULL, NULL) >= 2);
}

static void
projector_set_cb (VgWindow *self)
{
  VgProjector *projector = vg_situation_get_projector (self->situation);

  if (projector == NULL)
    return;
  vg_map_view_set_projector (self->map_view, projector);
  vg_flood_panel_set_projector (self->flood_panel, projector, self->map_view);
  vg_heat_panel_set_projector (self->heat_panel, projector, self->map_view);
  g_signal_connect_object (projector, "changed", G_CALLBACK (projector_changed_cb), self, G_CONNECT_SWAPPED);
  projector_changed_cb (self);
}

static void
replay_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);

  if (self->replay_bar == NULL)
    return;
  if (g_str_equal (action_name, "replay.step"))
    vg_replay_bar_step (self->replay_bar);
  else
    vg_replay_bar_toggle (self->replay_bar);
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);

  if (g_str_equal (action_name, "log.new-entry"))
    vg_log_strip_focus_note (self->log_strip);
  else
    vg_log_strip_focus_search (self->log_strip);
}

static void
dismiss_error_cb (VgWindow *self)
{
  gtk_revealer_set_reveal_child (self->error_banner, FALSE);
}

static void
basemap_changed_cb (VgWindow *self)
{
  GSettings *settings = vg_application_get_settings (VG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
  g_autofree char *basemap = g_settings_get_string (settings, "basemap");

  vg_map_view_set_online (self->map_view, g_str_equal (basemap, "osm"));
  vg_layers_panel_set_basemap (self->layers_panel, basemap);
}

static void
presentation_changed_cb (VgWindow *self)
{
  GSettings *settings = vg_application_get_settings (VG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));

  if (g_settings_get_boolean (settings, "presentation-mode"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
}

static void
city_data_ready_cb (VgWindow      *self,
                    VgApplication *app)
{
  GSettings *settings = vg_application_get_settings (app);
  g_autofree char *cache = NULL;

  if (vg_application_get_basemap (app) == NULL)
    {
      vg_window_show_error (self, vg_application_get_data_error (app));
      return;
    }
  cache = vg_application_dup_tile_cache_path (app);
  vg_map_view_set_basemap (self->map_view, vg_application_get_basemap (app), cache,
                           vg_application_get_sites (app));
  vg_layers_panel_set_sites (self->layers_panel, self->map_view,
                             vg_application_get_sites (app), settings);
  basemap_changed_cb (self);
}

static gboolean
refresh_situation_cb (gpointer user_data)
{
  VgWindow *self = user_data;
  VgSituation *situation = self->situation;

  vg_situation_refresh (situation);
  vg_picture_refresh (vg_situation_get_picture (situation));
  vg_layers_panel_refresh_feeds (self->layers_panel);
  return G_SOURCE_CONTINUE;
}

static void
note_recorded_cb (VgWindow *self,
                  guint64   seq)
{
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, seq);
  g_autofree char *message = g_strdup_printf (_("Log entry recorded (journal entry %s)"), number);

  vg_window_add_toast (self, message);
}

static void
note_failed_cb (VgWindow   *self,
                const char *message)
{
  vg_window_show_error (self, message);
}

/* The log is signed by who signed in, or else by the name in the preferences. */
static void
operator_changed_cb (VgWindow *self)
{
  VgApplication *app = VG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  VgOperator *signed_in = vg_proposals_panel_get_operator (self->proposals_panel);
  g_autofree char *name = signed_in != NULL ? g_strdup (vg_operator_get_name (signed_in))
                                            : vg_application_dup_operator_name (app);

  vg_log_strip_set_operator (self->log_strip, name);
  vg_inject_panel_set_operator (self->inject_panel, signed_in);
}

static void
decision_recorded_cb (VgWindow   *self,
                      const char *message,
                      const char *folder)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_timeout (toast, 8);
  if (folder != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open Folder"));
      adw_toast_set_action_name (toast, "win.open-folder");
      adw_toast_set_action_target (toast, "s", folder);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  /* The decision joins the operator log at once, not at the next second's refresh. */
  vg_situation_refresh (self->situation);
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr(GFile) folder = g_file_new_for_path (g_variant_get_string (parameter, NULL));
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VgWindow *self = VG_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->panes, "proposals");
  vg_proposals_panel_present_sign_in (self->proposals_panel);
}

static gboolean
destroy_idle (gpointer user_data)
{
  gtk_window_destroy (user_data);
  return G_SOURCE_REMOVE;
}

static void
seek_back_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       VgWindow         *self)
{
  VgApplication *app = VG_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  gint64 usec = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "vg-usec");
  g_autoptr(GError) error = NULL;
  GtkWindow *run;

  self->seek_back_dialog = NULL;
  if (!g_str_equal (response, "restart"))
    return;
  run = vg_application_start_exercise (app, vg_scenario_get_dir (vg_replay_get_scenario (self->replay)), &error);
  if (run == NULL)
    {
      vg_window_show_error (self, error->message);
      return;
    }
  vg_replay_bar_seek (vg_window_get_replay_bar (VG_WINDOW (run)), usec);
  gtk_window_present (run);
  /* Once the dialog, transient for this window, is gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_idle, g_object_ref (self), g_object_unref);
}

/* Back in time: this run's journal stays as it is; a new run is replayed to that time. */
static void
seek_back_cb (VgWindow *self,
              gint64    usec)
{
  g_autoptr(GDateTime) utc = vg_time_new_from_usec (usec);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, self->city_zone);
  g_autofree char *when = g_date_time_format (local, "%d/%m %H:%M");
  g_autofree char *heading = g_strdup_printf (_("Go back to %s?"), when);
  g_autofree char *body = g_strdup_printf (_("An exercise journal only goes forward. Vigie starts a new run of this "
                                             "scenario and replays it to %s; this run's journal is kept as it is (%s)."),
                                           when, vg_journal_get_path (vg_situation_get_journal (self->situation)));
  AdwMessageDialog *dialog;

  if (self->seek_back_dialog != NULL)
    return;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "restart", _("_New Run"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restart", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restart");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "vg-usec", g_memdup2 (&usec, sizeof usec), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (seek_back_response_cb), self, 0);
  self->seek_back_dialog = GTK_WIDGET (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
replay_failed_cb (VgWindow   *self,
                  const char *message)
{
  vg_window_show_error (self, message);
}

static void
log_feature_activated_cb (VgWindow   *self,
                          const char *feature_id)
{
  if (!vg_map_view_focus_feature (self->map_view, feature_id))
    {
      g_autofree char *message = g_strdup_printf (_("%s is not on the map"), feature_id);

      vg_window_add_toast (self, message);
    }
}

static void
problem_changed_cb (VgWindow *self)
{
  if (vg_situation_get_problem (self->situation) != NULL)
    vg_window_show_error (self, vg_situation_get_problem (self->situation));
}

static void
attach_situation (VgWindow      *self,
                  VgApplication *app,
                  VgSituation   *situation)
{
  g_signal_connect_object (self->log_strip, "recorded", G_CALLBACK (note_recorded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->log_strip, "failed", G_CALLBACK (note_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vg_application_get_settings (app), "changed::operator-name",
                           G_CALLBACK (operator_changed_cb), self, G_CONNECT_SWAPPED);
  operator_changed_cb (self);
  if (situation == NULL)
    {
      vg_window_show_error (self, vg_application_get_situation_error (app));
      return;
    }
  self->situation = g_object_ref (situation);
  vg_log_strip_set_situation (self->log_strip, situation);
  /* Notes link to the site last looked at; a linked note leads back to it. */
  g_signal_connect_object (self->map_view, "feature-shown", G_CALLBACK (vg_log_strip_set_feature), self->log_strip,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->log_strip, "feature-activated", G_CALLBACK (log_feature_activated_cb), self,
                           G_CONNECT_SWAPPED);
  /* A secondary click on the map records an incident there. */
  g_signal_connect_object (self->map_view, "point-chosen", G_CALLBACK (point_chosen_cb), self, G_CONNECT_SWAPPED);
  vg_proposals_panel_set_situation (self->proposals_panel, situation, self->map_view);
  g_signal_connect_object (self->proposals_panel, "recorded", G_CALLBACK (decision_recorded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->proposals_panel, "notify::operator", G_CALLBACK (operator_changed_cb), self, G_CONNECT_SWAPPED);
  vg_map_view_set_picture (self->map_view, vg_situation_get_picture (situation));
  vg_layers_panel_set_situation (self->layers_panel, situation);
  vg_timeline_panel_set_situation (self->timeline_panel, situation, self->map_view);
  g_signal_connect_object (situation, "notify::projector", G_CALLBACK (projector_set_cb), self, G_CONNECT_SWAPPED);
  projector_set_cb (self);
  adw_window_title_set_title (self->window_title, vg_situation_get_name (situation));
  vg_window_set_exercise (self, vg_situation_is_exercise (situation));
  if (vg_situation_get_problem (situation) != NULL)
    vg_window_show_error (self, vg_situation_get_problem (situation));
  g_signal_connect_object (situation, "notify::problem", G_CALLBACK (problem_changed_cb), self, G_CONNECT_SWAPPED);
  /* Other writers (a drill script, a second seat) show up within a second. */
  self->refresh_source = g_timeout_add_seconds (1, refresh_situation_cb, self);
}

/* GtkWindow:application is set after construction, so the window is wired to its application
 * here, from vg_window_new(). */
static void
setup_with_application (VgWindow      *self,
                        VgApplication *app,
                        VgSituation   *situation,
                        VgReplay      *replay)
{
  GSettings *settings = vg_application_get_settings (app);

  /* The header shows the situation's own clock: the scenario's in an exercise. */
  self->clock = g_object_ref (situation ? vg_situation_get_clock (situation) : vg_application_get_clock (app));
  update_clock (self);
  if (vg_clock_is_manual (self->clock))
    g_signal_connect_object (self->clock, "changed", G_CALLBACK (update_clock), self, G_CONNECT_SWAPPED);
  else
    self->clock_source = g_timeout_add_seconds (1, clock_tick_cb, self);

  g_settings_bind (settings, "sidebar-visible", self->sidebar, "visible", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::presentation-mode", G_CALLBACK (presentation_changed_cb),
                           self, G_CONNECT_SWAPPED);
  presentation_changed_cb (self);

  g_signal_connect_object (settings, "changed::basemap", G_CALLBACK (basemap_changed_cb), self, G_CONNECT_SWAPPED);
  basemap_changed_cb (self);
  if (vg_application_is_city_data_ready (app))
    city_data_ready_cb (self, app);
  else
    g_signal_connect_object (app, "city-data-ready", G_CALLBACK (city_data_ready_cb), self, G_CONNECT_SWAPPED);
  update_mode (self);
  attach_situation (self, app, situation);
  if (replay != NULL)
    {
      self->replay_bar = VG_REPLAY_BAR (vg_replay_bar_new (replay));
      g_signal_connect_object (self->replay_bar, "failed", G_CALLBACK (replay_failed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->replay_bar, "seek-back", G_CALLBACK (seek_back_cb), self, G_CONNECT_SWAPPED);
      self->replay = g_object_ref (replay);
      gtk_box_append (self->replay_slot, GTK_WIDGET (self->replay_bar));
      gtk_widget_set_visible (GTK_WIDGET (self->replay_slot), TRUE);
      /* The controller's pane exists in an exercise only. */
      vg_inject_panel_set_replay (self->inject_panel, replay);
      g_signal_connect_object (self->inject_panel, "recorded", G_CALLBACK (vg_window_add_toast), self, G_CONNECT_SWAPPED);
      adw_view_stack_page_set_visible (self->inject_page, TRUE);
    }
}

static void
vg_window_dispose (GObject *object)
{
  VgWindow *self = VG_WINDOW (object);

  g_clear_handle_id (&self->clock_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_WINDOW);
  g_clear_object (&self->clock);
  g_clear_object (&self->situation);
  g_clear_object (&self->replay);
  g_clear_pointer (&self->city_zone, g_time_zone_unref);
  g_clear_pointer (&self->clock_text, g_free);

  G_OBJECT_CLASS (vg_window_parent_class)->dispose (object);
}

static void
vg_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  VgWindow *self = VG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      g_value_set_boolean (value, self->exercise);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  VgWindow *self = VG_WINDOW (object);

  switch (prop_id)
    {
    case PROP_EXERCISE:
      vg_window_set_exercise (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vg_window_class_init (VgWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_window_dispose;
  object_class->get_property = vg_window_get_property;
  object_class->set_property = vg_window_set_property;

  properties[PROP_EXERCISE] =
    g_param_spec_boolean ("exercise", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VG_TYPE_LAYERS_PANEL);
  g_type_ensure (VG_TYPE_MAP_VIEW);
  g_type_ensure (VG_TYPE_PROPOSALS_PANEL);
  g_type_ensure (VG_TYPE_FLOOD_PANEL);
  g_type_ensure (VG_TYPE_HEAT_PANEL);
  g_type_ensure (VG_TYPE_INJECT_PANEL);
  g_type_ensure (VG_TYPE_TIMELINE_PANEL);
  g_type_ensure (VG_TYPE_LOG_STRIP);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VgWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, mode_badge);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, exercise_banner);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, error_banner);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, replay_slot);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, layers_panel);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, proposals_panel);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, panes);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, flood_page);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, heat_page);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, flood_panel);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, heat_panel);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, inject_page);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, inject_panel);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, timeline_panel);
  gtk_widget_class_bind_template_child (widget_class, VgWindow, log_strip);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_cb);
  gtk_widget_class_bind_template_callback (widget_class, realize_cb);

  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.focus", "s", focus_action);
  gtk_widget_class_install_action (widget_class, "win.pane", "s", pane_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.open-folder", "s", open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.new-incident", NULL, new_incident_action);
  gtk_widget_class_install_action (widget_class, "win.live", NULL, live_action);
  gtk_widget_class_install_action (widget_class, "replay.play-pause", NULL, replay_action);
  gtk_widget_class_install_action (widget_class, "replay.step", NULL, replay_action);
  gtk_widget_class_install_action (widget_class, "log.new-entry", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "log.search", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "map.home", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, map_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.toggle-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.focus", "s", "sidebar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.focus", "s", "map");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.focus", "s", "proposals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK, "win.focus", "s", "log");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_P, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.pane", "s", "proposals");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.pane", "s", "flood");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.pane", "s", "heat");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_J, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.pane", "s", "exercise");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.sign-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_T, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.pane", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.new-incident", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_CONTROL_MASK, "replay.play-pause", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "replay.step", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "log.new-entry", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "log.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "map.home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "map.zoom-out", NULL);
}

static void
vg_window_init (VgWindow *self)
{
  self->created_usec = g_get_monotonic_time ();
  self->city_zone = g_time_zone_new_identifier ("Europe/Paris");
  if (self->city_zone == NULL)
    self->city_zone = g_time_zone_new_utc ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

VgWindow *
vg_window_new (GtkApplication *application)
{
  VgWindow *self;

  g_return_val_if_fail (VG_IS_APPLICATION (application), NULL);

  self = g_object_new (VG_TYPE_WINDOW, "application", application, NULL);
  setup_with_application (self, VG_APPLICATION (application),
                          vg_application_get_situation (VG_APPLICATION (application)), NULL);
  return self;
}

VgWindow *
vg_window_new_for_exercise (GtkApplication *application,
                            VgReplay       *replay)
{
  VgWindow *self;

  g_return_val_if_fail (VG_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (VG_IS_REPLAY (replay), NULL);

  self = g_object_new (VG_TYPE_WINDOW, "application", application, NULL);
  setup_with_application (self, VG_APPLICATION (application), vg_replay_get_situation (replay), replay);
  return self;
}

VgReplayBar *
vg_window_get_replay_bar (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->replay_bar;
}

VgMapView *
vg_window_get_map_view (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->map_view;
}

GtkWidget *
vg_window_get_log_strip (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->log_strip);
}

VgLayersPanel *
vg_window_get_layers_panel (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->layers_panel;
}

void
vg_window_set_exercise (VgWindow *self,
                        gboolean  exercise)
{
  g_return_if_fail (VG_IS_WINDOW (self));

  if (self->exercise == !!exercise)
    return;
  self->exercise = !!exercise;
  update_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXERCISE]);
}

gboolean
vg_window_get_exercise (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), FALSE);

  return self->exercise;
}

void
vg_window_show_error (VgWindow   *self,
                      const char *message)
{
  g_return_if_fail (VG_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_banner, TRUE);
}

void
vg_window_add_toast (VgWindow   *self,
                     const char *message)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (VG_IS_WINDOW (self));

  /* A toast's title is markup; messages are text. */
  escaped = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

const char *
vg_window_get_clock_text (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->clock_text;
}

VgFloodPanel *
vg_window_get_flood_panel (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->flood_panel;
}

VgTimelinePanel *
vg_window_get_timeline_panel (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->timeline_panel;
}

VgHeatPanel *
vg_window_get_heat_panel (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->heat_panel;
}

VgInjectPanel *
vg_window_get_inject_panel (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->inject_panel;
}

VgSituation *
vg_window_get_situation (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->situation;
}

VgProposalsPanel *
vg_window_get_proposals_panel (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return self->proposals_panel;
}

const char *
vg_window_get_pane (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->panes);
}

const char *
vg_window_get_error (VgWindow *self)
{
  g_return_val_if_fail (VG_IS_WINDOW (self), NULL);

  return gtk_revealer_get_reveal_child (self->error_banner) ? gtk_label_get_text (self->error_label) : NULL;
}
