/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-preferences-window"

#include "config.h"

#include <string.h>

#include "vg-preferences-window.h"

struct _VgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwEntryRow          *operator_row;
  AdwComboRow          *basemap_row;
  AdwComboRow          *style_row;
  GtkSwitch            *presentation_switch;
  GtkSwitch            *feeds_switch;
  GSettings            *settings;
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

static void
vg_preferences_window_dispose (GObject *object)
{
  VgPreferencesWindow *self = VG_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

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
}

static void
vg_preferences_window_init (VgPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
