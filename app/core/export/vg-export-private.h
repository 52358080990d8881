/* SPDX-FileCopyrightText: 2026 The Vigie authors
 * SPDX-License-Identifier: EUPL-1.2
 */
#pragma once

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "vg-catalog.h"
#include "vg-exporter.h"

G_BEGIN_DECLS

/* What every format writer gets: the journal up to a fixed entry (a live journal may grow
 * while it is exported; every file of one export covers the same entries), the filter, the
 * language, cancellation and a place to report progress. */
typedef struct
{
  VgExporter       *exporter;      /* progress goes there */
  VgJournal        *journal;
  VgTimelineFilter *filter;        /* never NULL */
  VgCatalog        *catalog;
  GCancellable     *cancellable;
  guint64           last_seq;      /* entries after it are not exported */
  gint64            first_time;    /* time of the header */
  gint64            last_time;     /* time of entry last_seq: the stamp of every file */
  char             *last_hash;     /* hex hash of entry last_seq */
  guint64           n_exported;    /* entries the format wrote */
  double            range_base;    /* the part of the run's 0–1 this writer has (a bundle */
  double            range_span;    /* runs every other writer, each in its own range) */
  double            stage_base;    /* progress of the stage running, in the run's 0–1 */
  double            stage_span;
} VgExportContext;

/* Writers, one per format: @path does not exist yet (the caller renames the result into
 * place). */
typedef gboolean (*VgExportWriter) (VgExportContext *ctx, const char *path, GError **error);

gboolean vg_export_write_csv     (VgExportContext *ctx, const char *path, GError **error);
gboolean vg_export_write_json    (VgExportContext *ctx, const char *path, GError **error);
gboolean vg_export_write_geojson (VgExportContext *ctx, const char *path, GError **error);
gboolean vg_export_write_gpkg    (VgExportContext *ctx, const char *path, GError **error);
gboolean vg_export_write_cap     (VgExportContext *ctx, const char *path, GError **error);
gboolean vg_export_write_pdf     (VgExportContext *ctx, const char *path, GError **error);
gboolean vg_export_write_bundle  (VgExportContext *ctx, const char *path, GError **error);

/* Sets the exporter's progress (from the exporting thread: it forwards it to the UI's). */
void     vg_exporter_report_progress (VgExporter   *self,
                                      double        fraction,
                                      const char   *stage);
/* Reports progress: the stage @stage (translated; NULL keeps the current one) spans @span of
 * the writer's range from @base; later fractions are within it. */
void     vg_export_begin_stage   (VgExportContext      *ctx,
                                  double                base,
                                  double                span,
                                  const char           *stage);
/* Progress @fraction (0–1) of the current stage. */
void     vg_export_progress      (VgExportContext      *ctx,
                                  double                fraction);
/* Calls @func on each entry up to ctx->last_seq that the filter passes (all of them if
 * @unfiltered), reporting progress and checking for cancellation as it goes. */
gboolean vg_export_foreach       (VgExportContext      *ctx,
                                  gboolean              unfiltered,
                                  VgJournalForeachFunc  func,
                                  gpointer              user_data,
                                  GError              **error);
/* @msgid in the export's language. */
const char *vg_export_gettext    (VgExportContext      *ctx,
                                  const char           *msgid) G_GNUC_FORMAT (2);

/* The export's metadata, common to every format: @content (what the file holds), the journal
 * (file name, situation, entries, last hash), the filters and the language; a new object node. */
JsonNode *vg_export_metadata     (VgExportContext      *ctx,
                                  const char           *content);

/* @usec as ISO 8601 UTC ("2014-09-29T06:00:00Z", microseconds when there are some). */
char     *vg_export_format_time  (gint64                usec);
/* Appends @node to @out as compact JSON: members in the order they were added, doubles in the
 * shortest form that reads back the same ("43.6093", never "43.609299999999998"). */
void      vg_export_append_json  (GString              *out,
                                  JsonNode             *node);
/* @node as compact JSON text (see vg_export_append_json()); free with g_free(). */
char     *vg_export_json_text    (JsonNode             *node);
/* Appends @text to @out as a JSON string literal (quotes included). */
void      vg_export_append_json_string (GString        *out,
                                        const char     *text);

/* A buffered output file. The exporter has every writer write under a temporary folder and
 * moves the result into place only when it is complete, so a failed or cancelled export
 * leaves nothing half-written at the path the operator chose. */
typedef struct
{
  char *path;
  FILE *stream;
} VgExportOutput;

/* Creates @path (it must not exist); VG_EXPORT_ERROR_WRITE naming it on failure. */
VgExportOutput *vg_export_output_open   (const char      *path,
                                         GError         **error);
/* Appends @len bytes of @data (errors surface at commit). */
void            vg_export_output_write  (VgExportOutput  *self,
                                         const char      *data,
                                         gsize            len);
/* Flushes and closes the file; VG_EXPORT_ERROR_WRITE if anything failed to reach it. */
gboolean        vg_export_output_commit (VgExportOutput  *self,
                                         GError         **error);
/* Frees @self, removing the file if it was not committed. */
void            vg_export_output_free   (VgExportOutput  *self);

/* Moves @tmp to @path: replaces a file, or a folder only if @path is absent or an empty folder
 * (a folder with anything in it is never overwritten). VG_EXPORT_ERROR_WRITE naming @path. */
gboolean  vg_export_move_into_place (const char        *tmp,
                                     const char        *path,
                                     GError           **error);
/* Removes @path and everything under it (a failed export's leftovers). */
void      vg_export_remove_tree  (const char           *path);
/* Writes @contents to @path (created; it must not exist) inside a folder being built. */
gboolean  vg_export_write_file   (const char           *path,
                                  const char           *contents,
                                  gsize                 len,
                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VgExportOutput, vg_export_output_free)

G_END_DECLS
