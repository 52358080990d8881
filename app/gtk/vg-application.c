/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "vg-application.h"
#include "vg-data-dir.h"
#include "vg-error.h"
#include "vg-feed-manager.h"
#include "vg-gpkg.h"
#include "vg-preferences-window.h"
#include "vg-replay.h"
#include "vg-scenario.h"
#include "vg-scenario-picker.h"
#include "vg-site.h"
#include "vg-window.h"
#include "vigie-resources.h"

struct _VgApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  VgClock        *clock;
  VgBasemap      *basemap;
  GListStore     *sites;
  VgSituation    *situation;
  char           *situation_error;
  VgFeedManager  *feeds;
  char           *start_scenario;   /* --scenario */
  double          start_speed;      /* --speed, scenario seconds per second */
  char           *start_seek;       /* --seek, ISO 8601 */
  char           *data_error;
  gboolean        city_data_ready;
  VgHazardModels *models;
  GPtrArray      *waiting;          /* GWeakRef to exercise situations created before the models */
};

G_DEFINE_FINAL_TYPE (VgApplication, vg_application, ADW_TYPE_APPLICATION)

enum { CITY_DATA_READY, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The schema is looked up where it is installed, then in the build tree, so that the app runs
 * straight from `build/` as the README's run command does. */
static GSettings *
create_settings (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchemaSource) build_tree = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
  if (schema == NULL)
    {
      build_tree = g_settings_schema_source_new_from_directory (VIGIE_BUILD_SCHEMADIR, installed, FALSE, NULL);
      if (build_tree != NULL)
        schema = g_settings_schema_source_lookup (build_tree, APP_ID, TRUE);
    }
  if (schema == NULL)
    g_error ("GSettings schema %s is not installed and not in %s", APP_ID, VIGIE_BUILD_SCHEMADIR);
  return g_settings_new_full (schema, NULL, NULL);
}

typedef struct
{
  VgBasemap      *basemap;
  GListStore     *sites;
  VgHazardModels *models;
  char           *error;
  char           *models_error;
} CityData;

static void
city_data_free (CityData *data)
{
  g_clear_object (&data->basemap);
  g_clear_object (&data->sites);
  g_clear_object (&data->models);
  g_free (data->error);
  g_free (data->models_error);
  g_free (data);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Starts the projections of @situation; a failure is shown, never fatal. */
static void
project_situation (VgApplication *self,
                   VgSituation   *situation)
{
  g_autoptr(GError) error = NULL;

  if (vg_situation_get_projector (situation) == NULL &&
      !vg_situation_set_hazard_models (situation, self->models, &error))
    g_warning ("Projections of %s: %s", vg_situation_get_name (situation), error->message);
}

/* Worker thread: the GeoPackage is read and reprojected while GTK starts up on the main
 * thread, so the two costs overlap instead of adding up. */
static void
load_city_data_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  CityData *data = g_new0 (CityData, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_data_dir_find ("geodata/montpellier.gpkg", &error);
  g_autoptr(VgGpkg) gpkg = NULL;

  if (path != NULL)
    data->basemap = vg_basemap_new_from_gpkg (path, &error);
  if (data->basemap != NULL)
    gpkg = vg_gpkg_open (path, &error);
  if (gpkg != NULL)
    data->sites = vg_site_load_all (gpkg, &error);
  if (error != NULL)
    data->error = g_strdup (error->message);
  else
    {
      /* Then what the projections and proposals run on (districts, flood envelopes and their
       * exposure index, playbooks): the map shows first, the projections follow. */
      g_autoptr(GError) models_error = NULL;

      data->models = vg_hazard_models_load_bundled (&models_error);
      if (data->models == NULL)
        data->models_error = g_strdup (models_error->message);
    }
  g_task_return_pointer (task, data, (GDestroyNotify) city_data_free);
}

static void
city_data_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VgApplication *self = VG_APPLICATION (object);
  CityData *data = g_task_propagate_pointer (G_TASK (result), NULL);

  self->basemap = g_steal_pointer (&data->basemap);
  if (data->sites != NULL)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (data->sites)); i++)
        g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (data->sites), i));
      g_list_store_splice (self->sites, 0, 0, items->pdata, items->len);
    }
  if (data->error != NULL)
    {
      /* The app keeps running without its map: the operator sees why in a banner. */
      self->data_error = g_strdup_printf (_("The city data could not be loaded: %s"), data->error);
      g_warning ("%s", self->data_error);
    }
  else if (data->models_error != NULL)
    {
      self->data_error = g_strdup_printf (_("Projections and proposals are unavailable: %s"), data->models_error);
      g_warning ("%s", self->data_error);
    }
  self->models = g_steal_pointer (&data->models);
  self->city_data_ready = TRUE;
  city_data_free (data);
  g_signal_emit (self, signals[CITY_DATA_READY], 0);
  /* The maps have their layers now: the projections can be drawn on them. */
  if (self->models != NULL)
    {
      if (self->situation != NULL)
        project_situation (self, self->situation);
      for (guint i = 0; i < self->waiting->len; i++)
        {
          g_autoptr(VgSituation) situation = g_weak_ref_get (g_ptr_array_index (self->waiting, i));

          if (situation != NULL)
            project_situation (self, situation);
        }
    }
  g_ptr_array_set_size (self->waiting, 0);
  g_application_release (G_APPLICATION (self));
}

/* The live situation's journal, under the user's data directory; created on first start. */
static void
open_live_situation (VgApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "vigie", "situations", NULL);
  g_autofree char *path = g_build_filename (dir, "live.vigie-journal", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      self->situation_error = g_strdup_printf (_("Cannot create %s: %s. Nothing can be recorded."),
                                               dir, g_strerror (errno));
      return;
    }
  self->situation = vg_situation_open_or_create (path, self->clock, _("Montpellier Méditerranée Métropole"),
                                                 FALSE, &error);
  if (self->situation == NULL)
    self->situation_error = g_strdup_printf (_("The situation journal cannot be opened: %s. Nothing can be recorded."),
                                             error->message);
}

/* The live feeds of feeds.conf, polled into the live situation — unless the operator turned
 * polling off, or VIGIE_OFFLINE is set (the test suites: tests never touch the internet). */
static void
start_live_feeds (VgApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VgFeedConfig) config = NULL;

  if (self->situation == NULL || vg_situation_is_read_only (self->situation) ||
      g_getenv ("VIGIE_OFFLINE") != NULL || !g_settings_get_boolean (self->settings, "poll-live-feeds"))
    return;
  config = vg_feed_config_load_default (&error);
  if (config != NULL)
    self->feeds = vg_feed_manager_new (self->situation, config, &error);
  if (self->feeds == NULL)
    {
      g_warning ("Live feeds not started: %s", error->message);
      return;
    }
  vg_feed_manager_start (self->feeds);
}

static void
apply_color_scheme (VgApplication *self)
{
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");
  AdwColorScheme value = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    value = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    value = ADW_COLOR_SCHEME_FORCE_DARK;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), value);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  VgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (vg_preferences_window_new (self->settings, parent)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  VgApplication *self = user_data;
  const char *developers[] = { "The Vigie authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Vigie"),
                        "application-icon", APP_ID,
                        "developer-name", "The Vigie authors",
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "website", "https://github.com/vigie",
                        "comments", _("Decision support for a city’s crisis-management centre. "
                                      "Vigie proposes; a named operator decides, one action at a time."),
                        "copyright", "© 2026 The Vigie authors",
                        "license-type", GTK_LICENSE_CUSTOM,
                        "license", _("European Union Public Licence v. 1.2 (EUPL-1.2), "
                                     "the licence French public bodies publish under."),
                        NULL);
  /* Every source of the data Vigie shows, with its licence: the city's charter asks for it
   * and the licences (Etalab, ODbL) require it. */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("City of Montpellier open data"),
                                      "© Ville de Montpellier, 2011–2014",
                                      GTK_LICENSE_CUSTOM,
                                      _("Buildings, streets, address points, watercourses, quartiers, "
                                        "public establishments, emergency accommodation and distribution "
                                        "sites. Licence Ouverte / Open Licence (Etalab) v1."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Montpellier Méditerranée Métropole outline"),
                                      "© Montpellier Méditerranée Métropole",
                                      GTK_LICENSE_CUSTOM, _("Open Database License (ODbL) 1.0."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("Commune boundaries (IGN Admin Express COG 2018)"),
                                      "© IGN, via gregoiredavid/france-geojson",
                                      GTK_LICENSE_CUSTOM, _("Licence Ouverte / Open Licence (Etalab)."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about),
                                      _("OpenStreetMap (online basemap option)"),
                                      "© OpenStreetMap contributors",
                                      GTK_LICENSE_CUSTOM, _("Open Database License (ODbL) 1.0; tiles "
                                                            "under the OSM Foundation's tile usage policy."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
exercises_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  VgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vg_data_dir_find_scenarios (&error);

  if (dir == NULL)
    {
      if (parent != NULL && VG_IS_WINDOW (parent))
        vg_window_show_error (VG_WINDOW (parent), error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (vg_scenario_picker_new (dir, parent)));
}

static void
start_exercise_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  VgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  GtkWindow *window = vg_application_start_exercise (self, g_variant_get_string (parameter, NULL), &error);

  if (window == NULL)
    {
      if (parent != NULL && VG_IS_WINDOW (parent))
        vg_window_show_error (VG_WINDOW (parent), error->message);
      return;
    }
  if (parent != NULL && VG_IS_SCENARIO_PICKER (parent))
    gtk_window_destroy (parent);
  gtk_window_present (window);
}

static void
vg_application_startup (GApplication *application)
{
  VgApplication *self = VG_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "quit", quit_action },
    { "preferences", preferences_action },
    { "about", about_action },
    { "exercises", exercises_action },
    { "start-exercise", start_exercise_action, "s" },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *prefs_accels[] = { "<Control>comma", NULL };
  const char *presentation_accels[] = { "F5", NULL };
  const char *exercise_accels[] = { "<Control><Shift>e", NULL };
  g_autoptr(GAction) presentation = NULL;

  G_APPLICATION_CLASS (vg_application_parent_class)->startup (application);

  self->settings = create_settings ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  presentation = g_settings_create_action (self->settings, "presentation-mode");
  g_action_map_add_action (G_ACTION_MAP (self), presentation);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.presentation-mode", presentation_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.exercises", exercise_accels);

  g_signal_connect_object (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme),
                           self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  open_live_situation (self);
  start_live_feeds (self);
  {
    g_autoptr(GTask) task = g_task_new (self, NULL, city_data_loaded_cb, NULL);

    /* Held until the data is in, so a command-line activation cannot quit under it. */
    g_application_hold (application);
    g_task_run_in_thread (task, load_city_data_thread);
  }
}

static void
vg_application_activate (GApplication *application)
{
  VgApplication *self = VG_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  g_autoptr(GError) error = NULL;

  if (window == NULL && self->start_scenario != NULL)
    {
      window = vg_application_start_exercise (self, self->start_scenario, &error);
      if (window == NULL)
        {
          /* The live desk opens anyway, saying why the exercise could not start. */
          window = GTK_WINDOW (vg_window_new (GTK_APPLICATION (application)));
          vg_window_show_error (VG_WINDOW (window), error->message);
        }
      else
        {
          VgReplayBar *bar = vg_window_get_replay_bar (VG_WINDOW (window));

          if (self->start_seek != NULL)
            {
              g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (self->start_seek, NULL);

              if (at != NULL)
                vg_replay_bar_seek (bar, vg_time_to_usec (at));
            }
          if (self->start_speed >= 0)
            {
              vg_replay_bar_set_speed (bar, self->start_speed);
              vg_replay_bar_set_playing (bar, TRUE);
            }
        }
    }
  if (window == NULL)
    window = GTK_WINDOW (vg_window_new (GTK_APPLICATION (application)));
  gtk_window_present (window);
}

static int
vg_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  VgApplication *self = VG_APPLICATION (application);
  const char *speed = NULL;

  g_variant_dict_lookup (options, "scenario", "s", &self->start_scenario);
  g_variant_dict_lookup (options, "seek", "s", &self->start_seek);
  if (g_variant_dict_lookup (options, "speed", "&s", &speed))
    {
      char *end = NULL;

      self->start_speed = g_str_equal (speed, "max") ? 0 : g_ascii_strtod (speed, &end);
      if (!g_str_equal (speed, "max") && (end == speed || *end != '\0' || self->start_speed < 1 || self->start_speed > 3600))
        {
          g_printerr (_("vigie: --speed takes a number from 1 to 3600, or “max”\n"));
          return 2;
        }
    }
  if (self->start_seek != NULL && g_date_time_new_from_iso8601 (self->start_seek, NULL) == NULL)
    {
      g_printerr (_("vigie: --seek takes an ISO 8601 time with its offset, e.g. 2014-09-29T15:00:00Z\n"));
      return 2;
    }
  return -1;
}

static void
vg_application_finalize (GObject *object)
{
  VgApplication *self = VG_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->basemap);
  g_clear_object (&self->sites);
  g_clear_object (&self->feeds);
  g_clear_object (&self->situation);
  g_clear_object (&self->models);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);
  g_clear_pointer (&self->situation_error, g_free);
  g_clear_pointer (&self->start_scenario, g_free);
  g_clear_pointer (&self->start_seek, g_free);
  g_clear_pointer (&self->data_error, g_free);

  G_OBJECT_CLASS (vg_application_parent_class)->finalize (object);
}

static void
vg_application_class_init (VgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = vg_application_finalize;
  app_class->startup = vg_application_startup;
  app_class->activate = vg_application_activate;
  app_class->handle_local_options = vg_application_handle_local_options;

  /* Emitted once the bundled city data has been loaded (or failed to: see _get_data_error()). */
  signals[CITY_DATA_READY] = g_signal_new ("city-data-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
vg_application_init (VgApplication *self)
{
  static const GOptionEntry options[] = {
    { "scenario", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Start a training exercise replaying this bundled scenario (e.g. lez-2014-09) or scenario folder"), N_("ID") },
    { "speed", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Replay speed, 1 to 3600 scenario seconds per second, or “max”; starts playing"), N_("SPEED") },
    { "seek", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Jump the exercise ahead to this scenario time (ISO 8601)"), N_("TIME") },
    { NULL }
  };

  /* Registered here rather than by a constructor: the UI is a static library, and a
   * constructor-only object file would be dropped by the linker. */
  static gsize registered = 0;

  if (g_once_init_enter (&registered))
    {
      vigie_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  self->clock = vg_clock_new_wall ();
  self->sites = g_list_store_new (VG_TYPE_SITE);
  self->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify) weak_ref_free);
  self->start_speed = -1;
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

VgApplication *
vg_application_new (void)
{
  return g_object_new (VG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

GSettings *
vg_application_get_settings (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->settings;
}

VgClock *
vg_application_get_clock (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->clock;
}

VgBasemap *
vg_application_get_basemap (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->basemap;
}

GListModel *
vg_application_get_sites (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return G_LIST_MODEL (self->sites);
}

gboolean
vg_application_is_city_data_ready (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), FALSE);

  return self->city_data_ready;
}

const char *
vg_application_get_data_error (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->data_error;
}

VgSituation *
vg_application_get_situation (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->situation;
}

char *
vg_application_dup_operator_name (VgApplication *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  name = g_settings_get_string (self->settings, "operator-name");
  if (*g_strstrip (name) != '\0')
    return g_steal_pointer (&name);
  /* glib answers "Unknown" when the account has no full name. */
  if (g_strcmp0 (g_get_real_name (), "Unknown") != 0)
    return g_strdup (g_get_real_name ());
  return g_strdup (g_get_user_name ());
}

VgHazardModels *
vg_application_get_hazard_models (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->models;
}

const char *
vg_application_get_situation_error (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->situation_error;
}

char *
vg_application_dup_tile_cache_path (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return g_build_filename (g_get_user_cache_dir (), "vigie", "basemap", NULL);
}

GtkWindow *
vg_application_start_exercise (VgApplication  *self,
                               const char     *scenario,
                               GError        **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *runs = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *stamp = NULL;
  g_autoptr(VgScenario) loaded = NULL;
  g_autoptr(VgClock) clock = NULL;
  g_autoptr(VgSituation) situation = NULL;
  g_autoptr(VgReplay) replay = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (scenario != NULL, NULL);

  if (g_file_test (scenario, G_FILE_TEST_IS_DIR))
    dir = g_strdup (scenario);
  else
    {
      g_autofree char *bundled = vg_data_dir_find_scenarios (error);

      if (bundled == NULL)
        return NULL;
      dir = g_build_filename (bundled, scenario, NULL);
    }
  loaded = vg_scenario_load (dir, error);
  if (loaded == NULL)
    return NULL;

  /* One journal per exercise run, named by when it was started (a file name, not a record:
   * inside, every time is the scenario's). */
  runs = g_build_filename (g_get_user_data_dir (), "vigie", "exercises", NULL);
  if (g_mkdir_with_parents (runs, 0700) != 0)
    {
      g_set_error (error, VG_STORE_ERROR, VG_STORE_ERROR_OPEN, _("Cannot create %s: %s"), runs, g_strerror (errno));
      return NULL;
    }
  now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  journal = g_strdup_printf ("%s/%s-%s.vigie-journal", runs, vg_scenario_get_id (loaded), stamp);
  for (guint n = 2; g_file_test (journal, G_FILE_TEST_EXISTS); n++)
    {
      g_free (journal);
      journal = g_strdup_printf ("%s/%s-%s-%u.vigie-journal", runs, vg_scenario_get_id (loaded), stamp, n);
    }

  clock = vg_clock_new_manual (vg_scenario_get_start (loaded));
  situation = vg_situation_open_or_create (journal, clock, vg_scenario_get_title (loaded, "fr"), TRUE, error);
  if (situation == NULL)
    return NULL;
  replay = vg_replay_new (loaded, situation, error);
  if (replay == NULL)
    return NULL;
  if (self->models != NULL)
    project_situation (self, situation);
  else
    {
      GWeakRef *ref = g_new0 (GWeakRef, 1);

      g_weak_ref_init (ref, situation);
      g_ptr_array_add (self->waiting, ref);
    }
  return GTK_WINDOW (vg_window_new_for_exercise (GTK_APPLICATION (self), replay));
}
