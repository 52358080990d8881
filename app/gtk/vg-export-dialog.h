/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <adwaita.h>

#include "vg-exporter.h"

G_BEGIN_DECLS

#define VG_TYPE_EXPORT_DIALOG (vg_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VgExportDialog, vg_export_dialog, VG, EXPORT_DIALOG, AdwWindow)

/* File → Export: the format, whether the timeline's filters apply (and which they are), the
 * destination, then the export in a worker thread with its progress and a Cancel button; an
 * error names its culprit, a success shows the path with an "Open Folder" button. Property
 * "running" notifies when an export starts and ends. */

/* New dialog over @parent exporting @journal; @filter (copied, may be NULL) is the timeline's. */
VgExportDialog *vg_export_dialog_new              (GtkWindow              *parent,
                                                   VgJournal              *journal,
                                                   const VgTimelineFilter *filter);
/* Chooses @format, as the format row does. */
void            vg_export_dialog_set_format       (VgExportDialog         *self,
                                                   VgExportFormat          format);
/* Applies the timeline's filters or not, as the switch does. */
void            vg_export_dialog_set_apply_filter (VgExportDialog         *self,
                                                   gboolean                apply);
/* Sets the destination, as the file chooser does. */
void            vg_export_dialog_set_path         (VgExportDialog         *self,
                                                   const char             *path);
/* The destination; borrowed. */
const char     *vg_export_dialog_get_path         (VgExportDialog         *self);
/* Starts the export, as the Export button does. */
void            vg_export_dialog_start            (VgExportDialog         *self);
/* Stops a running export, as Cancel does. */
void            vg_export_dialog_cancel           (VgExportDialog         *self);
/* TRUE while an export runs. */
gboolean        vg_export_dialog_get_running      (VgExportDialog         *self);
/* The last export's error message, or NULL; borrowed. */
const char     *vg_export_dialog_get_error        (VgExportDialog         *self);
/* Path the last export wrote, or NULL; borrowed. */
const char     *vg_export_dialog_get_output       (VgExportDialog         *self);

G_END_DECLS
