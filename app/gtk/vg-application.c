/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-application"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-application.h"
#include "vg-data-dir.h"
#include "vg-gpkg.h"
#include "vg-preferences-window.h"
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
  char           *data_error;
};

G_DEFINE_FINAL_TYPE (VgApplication, vg_application, ADW_TYPE_APPLICATION)

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

static void
load_city_data (VgApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = vg_data_dir_find ("geodata/montpellier.gpkg", &error);
  g_autoptr(VgGpkg) gpkg = NULL;
  g_autoptr(GListStore) sites = NULL;

  if (path != NULL)
    self->basemap = vg_basemap_new_from_gpkg (path, &error);
  if (self->basemap != NULL)
    gpkg = vg_gpkg_open (path, &error);
  if (gpkg != NULL)
    sites = vg_site_load_all (gpkg, &error);

  if (sites != NULL)
    self->sites = g_steal_pointer (&sites);
  if (error != NULL)
    {
      /* The app keeps running without its map: the operator sees why in a banner. */
      self->data_error = g_strdup_printf (_("The city data could not be loaded: %s"), error->message);
      g_warning ("%s", self->data_error);
    }
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
vg_application_startup (GApplication *application)
{
  VgApplication *self = VG_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "quit", quit_action },
    { "preferences", preferences_action },
    { "about", about_action },
  };
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *prefs_accels[] = { "<Control>comma", NULL };
  const char *presentation_accels[] = { "F5", NULL };
  g_autoptr(GAction) presentation = NULL;

  G_APPLICATION_CLASS (vg_application_parent_class)->startup (application);

  self->settings = create_settings ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
  presentation = g_settings_create_action (self->settings, "presentation-mode");
  g_action_map_add_action (G_ACTION_MAP (self), presentation);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.presentation-mode", presentation_accels);

  g_signal_connect_object (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme),
                           self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  load_city_data (self);
}

static void
vg_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (vg_window_new (GTK_APPLICATION (application)));
  gtk_window_present (window);
}

static void
vg_application_finalize (GObject *object)
{
  VgApplication *self = VG_APPLICATION (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->clock);
  g_clear_object (&self->basemap);
  g_clear_object (&self->sites);
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
}

static void
vg_application_init (VgApplication *self)
{
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

const char *
vg_application_get_data_error (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return self->data_error;
}

char *
vg_application_dup_tile_cache_path (VgApplication *self)
{
  g_return_val_if_fail (VG_IS_APPLICATION (self), NULL);

  return g_build_filename (g_get_user_cache_dir (), "vigie", "basemap", NULL);
}
