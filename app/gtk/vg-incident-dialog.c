/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#define G_LOG_DOMAIN "vg-incident-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vg-incident-dialog.h"

struct _VgIncidentDialog
{
  AdwMessageDialog  parent_instance;

  GtkEntry         *title_entry;
  GtkDropDown      *kind_dropdown;
  GtkDropDown      *severity_dropdown;
  GtkTextView      *description_view;
  GtkLabel         *location_label;
  GtkLabel         *signature_label;

  VgSituation      *situation;
  char             *operator_name;
  double            latitude;
  double            longitude;
};

G_DEFINE_FINAL_TYPE (VgIncidentDialog, vg_incident_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* The types an operator picks from, in the order a call taker thinks of them. */
static const VgIncidentKind kinds[] = {
  VG_INCIDENT_HAZARD, VG_INCIDENT_EMERGENCY, VG_INCIDENT_ACCIDENT, VG_INCIDENT_CLOSURE,
  VG_INCIDENT_OBSTRUCTION, VG_INCIDENT_ROADWORKS, VG_INCIDENT_CONGESTION, VG_INCIDENT_OTHER,
};

static const VgSeverity severities[] = {
  VG_SEVERITY_UNKNOWN, VG_SEVERITY_MINOR, VG_SEVERITY_MODERATE, VG_SEVERITY_SEVERE, VG_SEVERITY_EXTREME,
};

static const char *
kind_label (VgIncidentKind kind)
{
  switch (kind)
    {
    case VG_INCIDENT_HAZARD: return _("Hazard (flooding, landslide, weather on the road)");
    case VG_INCIDENT_EMERGENCY: return _("Emergency (fire, rescue, safety)");
    case VG_INCIDENT_ACCIDENT: return _("Accident");
    case VG_INCIDENT_CLOSURE: return _("Road closed");
    case VG_INCIDENT_OBSTRUCTION: return _("Obstruction (tree, vehicle, debris)");
    case VG_INCIDENT_ROADWORKS: return _("Roadworks");
    case VG_INCIDENT_CONGESTION: return _("Congestion");
    case VG_INCIDENT_REGULATION: return _("Traffic regulation");
    case VG_INCIDENT_OTHER:
    case VG_N_INCIDENT_KINDS:
    default: return _("Other");
    }
}

static const char *
severity_label (VgSeverity severity)
{
  switch (severity)
    {
    case VG_SEVERITY_MINOR: return _("Minor");
    case VG_SEVERITY_MODERATE: return _("Moderate");
    case VG_SEVERITY_SEVERE: return _("Severe");
    case VG_SEVERITY_EXTREME: return _("Extreme");
    case VG_SEVERITY_NONE:
    case VG_SEVERITY_UNKNOWN:
    case VG_N_SEVERITIES:
    default: return _("Not known yet");
    }
}

static void
title_changed_cb (VgIncidentDialog *self)
{
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "record",
                                           vg_incident_dialog_is_complete (self));
}

static void
vg_incident_dialog_dispose (GObject *object)
{
  VgIncidentDialog *self = VG_INCIDENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VG_TYPE_INCIDENT_DIALOG);
  g_clear_object (&self->situation);
  g_clear_pointer (&self->operator_name, g_free);

  G_OBJECT_CLASS (vg_incident_dialog_parent_class)->dispose (object);
}

static void
vg_incident_dialog_class_init (VgIncidentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vg_incident_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/vg-incident-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VgIncidentDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, VgIncidentDialog, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VgIncidentDialog, severity_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VgIncidentDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, VgIncidentDialog, location_label);
  gtk_widget_class_bind_template_child (widget_class, VgIncidentDialog, signature_label);
  gtk_widget_class_bind_template_callback (widget_class, title_changed_cb);
}

static void
vg_incident_dialog_init (VgIncidentDialog *self)
{
  g_autoptr(GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) severity_names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_names, kind_label (kinds[i]));
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    gtk_string_list_append (severity_names, severity_label (severities[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kind_names));
  gtk_drop_down_set_model (self->severity_dropdown, G_LIST_MODEL (severity_names));
}

VgIncidentDialog *
vg_incident_dialog_new (GtkWindow   *parent,
                        VgSituation *situation,
                        const char  *operator_name,
                        double       latitude,
                        double       longitude)
{
  VgIncidentDialog *self;
  g_autofree char *location = NULL;
  g_autofree char *signature = NULL;

  g_return_val_if_fail (VG_IS_SITUATION (situation), NULL);
  g_return_val_if_fail (operator_name != NULL, NULL);

  self = g_object_new (VG_TYPE_INCIDENT_DIALOG, "transient-for", parent, NULL);
  self->situation = g_object_ref (situation);
  self->operator_name = g_strdup (operator_name);
  self->latitude = latitude;
  self->longitude = longitude;
  /* Said before it is recorded: where, by whom, into which journal. */
  location = g_strdup_printf ("%.5f° N, %.5f° E", latitude, longitude);
  gtk_label_set_text (self->location_label, location);
  signature = g_strdup_printf (vg_situation_is_exercise (situation)
                               ? _("Signed by %s, recorded in the exercise journal.")
                               : _("Signed by %s, recorded in the live situation journal."), operator_name);
  gtk_label_set_text (self->signature_label, signature);
  return self;
}

void
vg_incident_dialog_set_title (VgIncidentDialog *self,
                              const char       *title)
{
  g_return_if_fail (VG_IS_INCIDENT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), title ? title : "");
}

void
vg_incident_dialog_set_severity (VgIncidentDialog *self,
                                 VgSeverity        severity)
{
  g_return_if_fail (VG_IS_INCIDENT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    if (severities[i] == severity)
      gtk_drop_down_set_selected (self->severity_dropdown, i);
}

void
vg_incident_dialog_set_kind (VgIncidentDialog *self,
                             VgIncidentKind    kind)
{
  g_return_if_fail (VG_IS_INCIDENT_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      gtk_drop_down_set_selected (self->kind_dropdown, i);
}

gboolean
vg_incident_dialog_is_complete (VgIncidentDialog *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (VG_IS_INCIDENT_DIALOG (self), FALSE);

  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_entry))));
  return *title != '\0';
}

gboolean
vg_incident_dialog_record (VgIncidentDialog  *self,
                           guint64           *seq,
                           GError           **error)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *description = NULL;
  guint kind_index, severity_index;
  VgOperatorIncident incident = { 0 };

  g_return_val_if_fail (VG_IS_INCIDENT_DIALOG (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->description_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  description = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  kind_index = gtk_drop_down_get_selected (self->kind_dropdown);
  severity_index = gtk_drop_down_get_selected (self->severity_dropdown);
  incident.kind = kinds[MIN (kind_index, G_N_ELEMENTS (kinds) - 1)];
  incident.severity = severities[MIN (severity_index, G_N_ELEMENTS (severities) - 1)];
  incident.title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  incident.description = *description != '\0' ? description : NULL;
  incident.latitude = self->latitude;
  incident.longitude = self->longitude;
  return vg_situation_add_incident (self->situation, self->operator_name, &incident, NULL, seq, error);
}
