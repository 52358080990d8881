/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "vg-feed-config.h"
#include "vg-preferences-window.h"

struct _VgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *operator_row;
  AdwComboRow          *basemap_row;
  AdwComboRow          *style_row;
  GtkSwitch            *presentation_switch;
  GtkSwitch            *feeds_switch;
  AdwPreferencesGroup  *feed_list_group;
  GSettings            *settings;
  VgFeedConfig         *feed_config;
  char                 *feed_config_path;
  GHashTable           *feed_switches;    /* feed id → GtkSwitch, borrowed */
  GHashTable           *feed_intervals;   /* feed id → GtkSpinButton, borrowed */
};

G_DEFINE_FINAL_TYPE (VgPreferencesWindow, vg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Combo rows list the choices of these keys in this order. */
static const char * const basemaps[] = { "offline", "osm" };
static const char * const styles[] = { "default", "light", "dark" };

static gboolean
string_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *s = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (s, choices[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
index_to_string (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  const char * const *choices = user_data;
  guint i = g_value_get_uint (value);

  for (guint n = 0; choices[n] != NULL; n++)
    if (n == i)
      return g_variant_new_string (choices[i]);
  return NULL;
}

/* A feed's switch or interval changed: the feeds file gets the new schedule at once. */
static void
feed_schedule_changed_cb (GtkWidget           *widget,
                          GParamSpec          *pspec,
                          VgPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (widget), "feed-id");
  GtkSwitch *enabled = g_hash_table_lookup (self->feed_switches, id);
  GtkSpinButton *interval = g_hash_table_lookup (self->feed_intervals, id);
  VgFeedSource *source = vg_feed_config_lookup (self->feed_config, id);
  g_autoptr(VgFeedSource) changed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  if (source == NULL || enabled == NULL || interval == NULL)
    return;
  changed = vg_feed_source_dup_with_schedule (source, gtk_switch_get_active (enabled),
                                              (guint) gtk_spin_button_get_value_as_int (interval) * 1000);
  vg_feed_config_set_source (self->feed_config, changed);
  dir = g_path_get_dirname (self->feed_config_path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno), _("Cannot create %s: %s"), dir, g_strerror (errno));
  if (error != NULL || !vg_feed_config_save (self->feed_config, self->feed_config_path, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Feeds not saved: %s"), error->message);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
    }
}

static void
add_feed_rows (VgPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *sources;

  self->feed_config = vg_feed_config_load_default (&error);
  if (self->feed_config == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      /* The file is the operator's to fix: say which and why, change nothing. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The feeds file does not load"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      adw_preferences_group_add (self->feed_list_group, row);
      return;
    }
  sources = vg_feed_config_get_sources (self->feed_config);
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(VgFeedSource) source = g_list_model_get_item (sources, i);
      const char *id = vg_feed_source_get_id (source);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (VG_FEED_CONFIG_MIN_INTERVAL_S,
                                                        VG_FEED_CONFIG_MAX_INTERVAL_S, 30);
      GtkWidget *toggle = gtk_switch_new ();
      g_autofree char *spin_label = g_strdup_printf (_("Poll interval of %s, in seconds"), vg_feed_source_get_name (source));
      g_autofree char *switch_label = g_strdup_printf (_("Poll %s"), vg_feed_source_get_name (source));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vg_feed_source_get_name (source));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vg_feed_source_get_kind (source));
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), vg_feed_source_get_interval_ms (source) / 1000);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (spin, spin_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, spin_label, -1);
      gtk_switch_set_active (GTK_SWITCH (toggle), vg_feed_source_get_enabled (source));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, switch_label, -1);
      g_object_set_data_full (G_OBJECT (spin), "feed-id", g_strdup (id), g_free);
      g_object_set_data_full (G_OBJECT (toggle), "feed-id", g_strdup (id), g_free);
      g_hash_table_insert (self->feed_switches, g_strdup (id), toggle);
      g_hash_table_insert (self->feed_intervals, g_strdup (id), spin);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (feed_schedule_changed_cb), self);
      g_signal_connect (spin, "notify::value", G_CALLBACK (feed_schedule_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->feed_list_group, row);
    }
}

static void
vg_preferences_window_dispose (GObject *object)
{
  VgPreferencesWindow *self = VG_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->feed_config);
  g_clear_pointer (&self->feed_config_path, g_free);
  g_clear_pointer (&self->feed_switches, g_hash_table_unref);
  g_clear_pointer (&self->feed_intervals, g_hash_table_unref);

  G_OBJECT_CLASS (vg_preferences_window_parent_class)->dispose (object);
}

static void
vg_preferences_window_class_init (VgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VgPreferencesWindow, operator_row);
  gtk_widget_class_bind_template_child (widget_class, VgPreferencesWindow, basemap_row);
  gtk_widget_class_bind_template_child (widget_class, VgPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, VgPreferencesWindow, presentation_switch);
  gtk_widget_class_bind_template_child (widget_class, VgPreferencesWindow, feeds_switch);
  gtk_widget_class_bind_template_child (widget_class, VgPreferencesWindow, feed_list_group);
}

static void
vg_preferences_window_init (VgPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->feed_switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->feed_intervals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->feed_config_path = vg_feed_config_dup_user_path ();
  add_feed_rows (self);
}

GtkWidget *
vg_preferences_window_new (GSettings *settings,
                           GtkWindow *parent)
{
  static const char *basemap_choices[G_N_ELEMENTS (basemaps) + 1];
  static const char *style_choices[G_N_ELEMENTS (styles) + 1];
  VgPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  memcpy (basemap_choices, basemaps, sizeof basemaps);
  memcpy (style_choices, styles, sizeof styles);

  self = g_object_new (VG_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", parent != NULL, NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind_with_mapping (settings, "basemap", self->basemap_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                string_to_index, index_to_string, basemap_choices, NULL);
  g_settings_bind_with_mapping (settings, "color-scheme", self->style_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                string_to_index, index_to_string, style_choices, NULL);
  g_settings_bind (settings, "operator-name", self->operator_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "poll-live-feeds", self->feeds_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "presentation-mode", self->presentation_switch, "active", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}

GtkWidget *
vg_preferences_window_get_feed_switch (VgPreferencesWindow *self,
                                       const char          *feed_id)
{
  g_return_val_if_fail (VG_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (feed_id != NULL, NULL);

  return g_hash_table_lookup (self->feed_switches, feed_id);
}

GtkWidget *
vg_preferences_window_get_feed_interval (VgPreferencesWindow *self,
                                         const char          *feed_id)
{
  g_return_val_if_fail (VG_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (feed_id != NULL, NULL);

  return g_hash_table_lookup (self->feed_intervals, feed_id);
}
