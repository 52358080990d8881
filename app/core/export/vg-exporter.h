/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <gio/gio.h>

#include "vg-journal.h"
#include "vg-timeline-filter.h"

G_BEGIN_DECLS

/* What VgExporter writes; formats and layouts are in app/core/DESIGN.md ("export/"). */
typedef enum {
  VG_EXPORT_CSV,      /* the timeline, RFC 4180, "#" comment lines first */
  VG_EXPORT_JSON,     /* the timeline, one document with its metadata */
  VG_EXPORT_GEOJSON,  /* entries with a geometry, RFC 7946 FeatureCollection */
  VG_EXPORT_GPKG,     /* entries with a geometry, GeoPackage 1.3 */
  VG_EXPORT_CAP,      /* a folder: CAP messages received and alerts drafted or issued, and an index */
  VG_EXPORT_PDF,      /* the after-action report */
  VG_EXPORT_BUNDLE,   /* a folder: all of the above, the journal and a SHA-256 manifest */
  VG_N_EXPORT_FORMATS,
} VgExportFormat;

/* Format named @id ("csv", "json", "geojson", "gpkg", "cap", "pdf", "bundle"); FALSE if unknown. */
gboolean    vg_export_format_from_id       (const char     *id,
                                            VgExportFormat *format);
/* Stable id of @format; static. */
const char *vg_export_format_to_id         (VgExportFormat  format);
/* Usual file name extension (".csv"), or "" for the folder formats; static. */
const char *vg_export_format_get_extension (VgExportFormat  format);
/* TRUE for the formats written as a folder (cap, bundle). */
gboolean    vg_export_format_is_folder     (VgExportFormat  format);

#define VG_TYPE_EXPORTER (vg_exporter_get_type ())
G_DECLARE_FINAL_TYPE (VgExporter, vg_exporter, VG, EXPORTER, GObject)

/* One export of a journal to one format, for the command line and the Export dialog. Set the
 * filter and language, then run it once, synchronously in any thread or asynchronously in a
 * worker thread; GCancellable stops it (G_IO_ERROR_CANCELLED) and nothing is left at the output
 * path. While it runs, "fraction" (0–1) and "stage" (what it is doing, translated) tell its
 * progress: after _async they are notified in the thread-default main context of the caller,
 * never from the worker, so a dialog may bind them. Everything written is stamped with the
 * journal's own times, never the wall clock: the same journal exported twice with the same
 * options gives byte-identical files. A journal that does not verify is not exported. */

/* New exporter of @journal (open; read-only is fine) to @format. */
VgExporter      *vg_exporter_new          (VgJournal              *journal,
                                           VgExportFormat          format);
/* The format. */
VgExportFormat   vg_exporter_get_format   (VgExporter             *self);
/* Exports only what @filter (copied; NULL: everything) lets through, as a filtered timeline view
 * does; the output says which filters were applied. A bundle is always complete: it refuses a
 * filter (VG_EXPORT_ERROR_WRITE when run). */
void             vg_exporter_set_filter   (VgExporter             *self,
                                           const VgTimelineFilter *filter);
/* Language of the report and of the summaries ("fr", "en"; default "en"). */
void             vg_exporter_set_language (VgExporter             *self,
                                           const char             *language);
/* Progress of the run, 0 to 1. */
double           vg_exporter_get_fraction (VgExporter             *self);
/* What the run is doing ("Writing the PDF report"), or NULL before it starts; borrowed. */
const char      *vg_exporter_get_stage    (VgExporter             *self);
/* Number of journal entries the last run exported (for a bundle, the entries of the journal). */
guint64          vg_exporter_get_n_entries (VgExporter            *self);
/* Writes the export to @path (a file replaced atomically, or a folder that must not exist or be
 * empty), in the calling thread. VG_EXPORT_ERROR_JOURNAL for a journal that does not verify,
 * _WRITE naming the path if it cannot be written, _LANGUAGE if the report's language has no
 * catalogue, G_IO_ERROR_CANCELLED. */
gboolean         vg_exporter_run          (VgExporter             *self,
                                           const char             *path,
                                           GCancellable           *cancellable,
                                           GError                **error);
/* The same in a worker thread; @callback runs in the caller's thread-default main context. */
void             vg_exporter_run_async    (VgExporter             *self,
                                           const char             *path,
                                           GCancellable           *cancellable,
                                           GAsyncReadyCallback     callback,
                                           gpointer                user_data);
/* Result of vg_exporter_run_async(). */
gboolean         vg_exporter_run_finish   (VgExporter             *self,
                                           GAsyncResult           *result,
                                           GError                **error);

G_END_DECLS
