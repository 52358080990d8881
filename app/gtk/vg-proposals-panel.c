/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-proposals-panel"

#include "config.h"

#include <adwaita.h>

#include "vg-proposals-panel.h"

struct _VgProposalsPanel
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (VgProposalsPanel, vg_proposals_panel, GTK_TYPE_WIDGET)

static void
vg_proposals_panel_dispose (GObject *object)
{
  GtkWidget *child;

  /* The template's top child has no id, so it is unparented by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (vg_proposals_panel_parent_class)->dispose (object);
}

static void
vg_proposals_panel_class_init (VgProposalsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_proposals_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-proposals-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "vg-proposals-panel");
}

static void
vg_proposals_panel_init (VgProposalsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vg_proposals_panel_new (void)
{
  return g_object_new (VG_TYPE_PROPOSALS_PANEL, NULL);
}
