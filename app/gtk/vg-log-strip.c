/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-log-strip"

#include "config.h"

#include <adwaita.h>

#include "vg-log-strip.h"

struct _VgLogStrip
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VgLogStrip, vg_log_strip, GTK_TYPE_WIDGET)

static void
vg_log_strip_dispose (GObject *object)
{
  GtkWidget *child;

  /* The template's top child has no id, so it is unparented by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vg_log_strip_parent_class)->dispose (object);
}

static void
vg_log_strip_class_init (VgLogStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_log_strip_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-log-strip.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-log-strip");
}

static void
vg_log_strip_init (VgLogStrip *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vg_log_strip_new (void)
{
  return g_object_new (VG_TYPE_LOG_STRIP, NULL);
}
