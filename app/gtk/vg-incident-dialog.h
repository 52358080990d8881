/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

#include "vg-situation.h"

G_BEGIN_DECLS

#define VG_TYPE_INCIDENT_DIALOG (vg_incident_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VgIncidentDialog, vg_incident_dialog, VG, INCIDENT_DIALOG, AdwMessageDialog)

/* An incident reported to the crisis centre (a phone call, a radio message), typed in by the
 * operator: title, type, severity, description, at a point of the map (its centre, or the point
 * a secondary click picked). "Record" stays disabled until there is a title; its "record" response is
 * where the caller calls vg_incident_dialog_record(). */

/* New dialog over @parent recording into @situation, signed @operator_name, at @latitude,
 * @longitude (WGS84). */
VgIncidentDialog *vg_incident_dialog_new       (GtkWindow        *parent,
                                                VgSituation      *situation,
                                                const char       *operator_name,
                                                double            latitude,
                                                double            longitude);
/* Types @title into the title field (what scripts and tests do). */
void              vg_incident_dialog_set_title (VgIncidentDialog *self,
                                                const char       *title);
/* Picks @severity in the severity list. */
void              vg_incident_dialog_set_severity (VgIncidentDialog *self,
                                                   VgSeverity        severity);
/* Picks @kind in the type list. */
void              vg_incident_dialog_set_kind  (VgIncidentDialog *self,
                                                VgIncidentKind    kind);
/* Whether the form is complete (the "record" response is enabled). */
gboolean          vg_incident_dialog_is_complete (VgIncidentDialog *self);
/* Records the incident as typed through the situation (journalled, signed, in the picture);
 * @seq gets its journal entry. */
gboolean          vg_incident_dialog_record    (VgIncidentDialog *self,
                                                guint64          *seq,
                                                GError          **error);

G_END_DECLS
